package io.tasker.json;

import io.tasker.errors.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of a request's JSON object, read with the rules every body of the API shares: a field the body may not
 * have is an error (a misspelt one is never silently dropped), strings are non-empty and at most 128 characters,
 * names are arrays of non-empty strings. Errors are collected, so one answer names them all.
 */
public final class JsonFields {

    public static final int MAX_TEXT = 128;

    private final JsonObject body;
    private final List<FieldError> errors = new ArrayList<>();

    /** Reads {@code body}, noting each of its fields that is not in {@code allowed} as an error. */
    public JsonFields(JsonObject body, Set<String> allowed, String bodyName) {
        this.body = body;
        new TreeSet<>(body.keySet()).stream()
                .filter(field -> !allowed.contains(field))
                .forEach(field -> errors.add(new FieldError(field, "is not a field of " + bodyName + " (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")")));
    }

    public boolean has(String field) {
        return body.containsKey(field);
    }

    /** The field's JSON value; {@code null} when absent or JSON null. */
    public JsonValue value(String field) {
        JsonValue value = body.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    /** A string field; {@code null} when absent or JSON null. */
    public String text(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString string) || string.getString().isBlank()) {
            error(field, "must be a non-empty string");
            return null;
        }
        if (string.getString().length() > MAX_TEXT) {
            error(field, "must be at most " + MAX_TEXT + " characters");
        }
        return string.getString();
    }

    /** An array of non-empty strings; empty when absent or JSON null. */
    public List<String> names(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonArray array && array.stream().allMatch(
                item -> item instanceof JsonString string && !string.getString().isBlank())) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        error(field, "must be an array of non-empty strings");
        return List.of();
    }

    public void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
