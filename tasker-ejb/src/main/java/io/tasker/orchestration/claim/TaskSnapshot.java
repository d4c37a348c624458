package io.tasker.orchestration.claim;

import io.tasker.task.TaskState;
import io.tasker.template.TaskKey;
import java.time.Instant;
import java.util.Map;

/**
 * What a pass needs to know about its task: its state, its template's key, its context, when it was created and
 * its correlation id (null for a task that has none).
 */
public record TaskSnapshot(long taskId, TaskState state, TaskKey key, Map<String, Object> context, Instant createdAt,
                           String correlationId) {
}
