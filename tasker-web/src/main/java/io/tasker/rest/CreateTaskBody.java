package io.tasker.rest;

import io.tasker.errors.InvalidRequestException;
import io.tasker.task.TaskRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of {@code POST /tasker/tasks}: {@code name} and {@code context} (an object) are required;
 * {@code namespace}, {@code version}, {@code initiator}, {@code reason} and {@code source_system} are strings,
 * {@code tags} and {@code bypass_steps} arrays of strings. Any other field is an error, so a misspelt one is not
 * silently dropped. The {@code Idempotency-Key} header, when sent, must be 1 to 255 characters.
 */
final class CreateTaskBody {

    private static final int MAX_KEY = 255;
    private static final Set<String> FIELDS = Set.of("name", "namespace", "version", "context", "initiator",
            "reason", "source_system", "tags", "bypass_steps");

    private final JsonFields fields;

    private CreateTaskBody(JsonObject body) {
        this.fields = new JsonFields(body, FIELDS, "a task request");
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
            fields.error("Idempotency-Key", "must be 1 to " + MAX_KEY + " characters");
        }
        String name = fields.text("name");
        if (name == null) {
            fields.error("name", "is required");
        }
        Map<String, Object> context = context();
        TaskRequest request = new TaskRequest(fields.text("namespace"), name, fields.text("version"), context,
                fields.text("initiator"), fields.text("source_system"), fields.text("reason"), fields.names("tags"),
                fields.names("bypass_steps"), idempotencyKey);
        if (!fields.errors().isEmpty()) {
            throw new InvalidRequestException(fields.errors());
        }
        return request;
    }

    private Map<String, Object> context() {
        JsonValue value = fields.value("context");
        if (value == null) {
            fields.error("context", "is required: a JSON object ({} for none)");
            return Map.of();
        }
        if (!(value instanceof JsonObject object)) {
            fields.error("context", "must be a JSON object");
            return Map.of();
        }
        return JsonValues.toMap(object);
    }
}
