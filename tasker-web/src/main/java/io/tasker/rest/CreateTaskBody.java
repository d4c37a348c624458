package io.tasker.rest;

import io.tasker.errors.FieldError;
import io.tasker.errors.InvalidRequestException;
import io.tasker.task.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /tasker/tasks}. {@code name} and {@code context} are required. */
public record CreateTaskBody(
        String name,
        String namespace,
        String version,
        Map<String, Object> context,
        String initiator,
        String reason,
        String sourceSystem,
        List<String> tags) {

    private static final int MAX_TEXT = 128;

    /**
     * The engine's request, once every field is checked.
     *
     * @throws InvalidRequestException naming every field that is missing or out of bounds
     */
    TaskRequest toRequest() {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        if (context == null) {
            errors.add(new FieldError("context", "is required (a JSON object; {} for none)"));
        }
        checkLength(errors, "name", name);
        checkLength(errors, "namespace", namespace);
        checkLength(errors, "initiator", initiator);
        checkLength(errors, "reason", reason);
        checkLength(errors, "source_system", sourceSystem);
        if (tags != null && tags.stream().anyMatch(tag -> tag == null || tag.isBlank())) {
            errors.add(new FieldError("tags", "must hold non-empty strings"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new TaskRequest(namespace, name, version, context, initiator, sourceSystem, reason, tags);
    }

    private static void checkLength(List<FieldError> errors, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }
}
