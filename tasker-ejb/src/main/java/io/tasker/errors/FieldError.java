package io.tasker.errors;

/**
 * One reason a request is invalid.
 *
 * @param field where the problem is: a request field name ({@code name}) or a JSON pointer into it
 *     ({@code /context/batch_id})
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
