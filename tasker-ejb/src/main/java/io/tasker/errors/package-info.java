/**
 * The engine's failures that a caller can act on: something asked for does not exist, or a request is invalid
 * (with one {@link io.tasker.errors.FieldError} per offending field). The REST layer maps each to one
 * {@code application/problem+json} shape.
 */
package io.tasker.errors;
