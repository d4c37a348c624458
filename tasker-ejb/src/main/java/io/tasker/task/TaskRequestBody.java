package io.tasker.task;

import io.tasker.errors.InvalidRequestException;
import io.tasker.json.JsonFields;
import io.tasker.json.JsonValues;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code POST /tasker/tasks}: {@code name} and {@code context} (an object) are required;
 * {@code namespace}, {@code version}, {@code initiator}, {@code reason} and {@code source_system} are strings,
 * {@code tags} and {@code bypass_steps} arrays of strings. Any other field is an error, so a misspelt one is not
 * silently dropped. The {@code Idempotency-Key} header, when sent, must be 1 to 255 characters.
 */
public final class TaskRequestBody {

    private static final int MAX_KEY = 255;
    private static final String IDEMPOTENCY_KEY = "idempotency_key";
    private static final Set<String> FIELDS = Set.of("name", "namespace", "version", "context", "initiator",
            "reason", "source_system", "tags", "bypass_steps");

    private final JsonFields fields;

    private TaskRequestBody(JsonObject body) {
        this.fields = new JsonFields(body, FIELDS, "a task request");
    }

    /**
     * @throws InvalidRequestException naming every field that is unknown, missing, of the wrong type or too long
     */
    public static TaskRequest read(JsonValue body, String idempotencyKey, String correlationId) {
        if (!(body instanceof JsonObject object)) {
            throw new InvalidRequestException("body", "must be a JSON object with name and context");
        }
        return new TaskRequestBody(object).toRequest(idempotencyKey, correlationId);
    }

    /**
     * Reads a task request sent as a message: the body of {@code POST /tasker/tasks} with, optionally, an
     * {@code idempotency_key}. The request's key is the message's {@code idempotency_key} property, else that field,
     * else the message's own id, so that a message delivered again never creates a second task.
     *
     * @throws InvalidRequestException naming every field that is unknown, missing, of the wrong type or too long
     */
    public static TaskRequest readMessage(JsonValue body, Optional<String> keyProperty, String messageId,
                                          String correlationId) {
        if (!(body instanceof JsonObject object)) {
            return read(body, null, correlationId);
        }
        JsonValue keyField = object.get(IDEMPOTENCY_KEY);
        if (keyField != null && !(keyField instanceof JsonString)) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY, "must be a string of 1 to " + MAX_KEY + " characters");
        }
        String key = keyProperty.or(() -> Optional.ofNullable(keyField).map(field -> ((JsonString) field).getString()))
                .orElse("jms:" + messageId);
        return read(Json.createObjectBuilder(object).remove(IDEMPOTENCY_KEY).build(), key, correlationId);
    }

    private TaskRequest toRequest(String idempotencyKey, String correlationId) {
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
                fields.names("bypass_steps"), idempotencyKey, correlationId);
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
