package io.tasker.rest;

import io.tasker.errors.FieldError;
import io.tasker.errors.InvalidRequestException;
import io.tasker.task.TaskRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the body of {@code POST /tasker/tasks}: {@code name} and {@code context} (an object) are required;
 * {@code namespace}, {@code version}, {@code initiator}, {@code reason} and {@code source_system} are strings,
 * {@code tags} and {@code bypass_steps} arrays of strings. Any other field is an error, so a misspelt one is not
 * silently dropped. The {@code Idempotency-Key} header, when sent, must be 1 to 255 characters.
 */
final class CreateTaskBody {

    private static final int MAX_TEXT = 128;
    private static final int MAX_KEY = 255;
    private static final Set<String> FIELDS = Set.of("name", "namespace", "version", "context", "initiator",
            "reason", "source_system", "tags", "bypass_steps");

    private final JsonObject body;
    private final List<FieldError> errors = new ArrayList<>();

    private CreateTaskBody(JsonObject body) {
        this.body = body;
    }

    /**
     * @throws InvalidRequestException naming every field that is unknown, missing, of the wrong type or too long
     */
    static TaskRequest read(JsonValue body, String idempotencyKey) {
        if (!(body instanceof JsonObject object)) {
            throw new InvalidRequestException("body", "must be a JSON object with name and context");
        }
        return new CreateTaskBody(object).toRequest(idempotencyKey);
    }

    private TaskRequest toRequest(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
            errors.add(new FieldError("Idempotency-Key", "must be 1 to " + MAX_KEY + " characters"));
        }
        new TreeSet<>(body.keySet()).stream()
                .filter(field -> !FIELDS.contains(field))
                .forEach(field -> errors.add(new FieldError(field, "is not a field of a task request (allowed: "
                        + String.join(", ", new TreeSet<>(FIELDS)) + ")")));
        String name = text("name");
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        }
        Map<String, Object> context = context();
        TaskRequest request = new TaskRequest(text("namespace"), name, text("version"), context, text("initiator"),
                text("source_system"), text("reason"), names("tags"), names("bypass_steps"), idempotencyKey);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return request;
    }

    private String text(String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string) || string.getString().isBlank()) {
            errors.add(new FieldError(field, "must be a non-empty string"));
            return null;
        }
        if (string.getString().length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
        return string.getString();
    }

    private Map<String, Object> context() {
        JsonValue value = body.get("context");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(new FieldError("context", "is required: a JSON object ({} for none)"));
            return Map.of();
        }
        if (!(value instanceof JsonObject object)) {
            errors.add(new FieldError("context", "must be a JSON object"));
            return Map.of();
        }
        return JsonValues.toMap(object);
    }

    private List<String> names(String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value instanceof JsonArray array && array.stream().allMatch(
                item -> item instanceof JsonString string && !string.getString().isBlank())) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        errors.add(new FieldError(field, "must be an array of non-empty strings"));
        return List.of();
    }
}
