package io.tasker.rest;

import io.tasker.errors.InvalidRequestException;
import io.tasker.json.JsonFields;
import io.tasker.task.TaskAnnotation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code PATCH /tasker/tasks/{task_id}} (a JSON merge patch): {@code reason}, a string, or null to
 * clear it; {@code tags}, an array of strings that replaces the task's. At least one of them; nothing else.
 */
final class AnnotateTaskBody {

    private static final Set<String> FIELDS = Set.of("reason", "tags");

    private AnnotateTaskBody() {
    }

    /**
     * @throws InvalidRequestException naming every field that is unknown, of the wrong type or too long, or the body
     *     when it changes nothing
     */
    static TaskAnnotation read(JsonValue body) {
        if (!(body instanceof JsonObject object) || object.isEmpty()) {
            throw new InvalidRequestException("body", "must be a JSON object with reason, tags or both");
        }
        JsonFields fields = new JsonFields(object, FIELDS, "a task's changes");
        String reason = fields.text("reason");
        Optional<List<String>> tags = Optional.empty();
        if (fields.has("tags")) {
            if (fields.value("tags") == null) {
                fields.error("tags", "must be an array of non-empty strings ([] for none)");
            } else {
                tags = Optional.of(fields.names("tags"));
            }
        }
        if (!fields.errors().isEmpty()) {
            throw new InvalidRequestException(fields.errors());
        }
        return new TaskAnnotation(fields.has("reason"), reason, tags);
    }
}
