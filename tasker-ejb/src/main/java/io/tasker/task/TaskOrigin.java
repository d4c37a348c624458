package io.tasker.task;

import io.tasker.template.TaskKey;
import java.time.Instant;

/** The template a task was created from, when, and the correlation id it keeps (null for a task that has none). */
public record TaskOrigin(TaskKey key, Instant createdAt, String correlationId) {
}
