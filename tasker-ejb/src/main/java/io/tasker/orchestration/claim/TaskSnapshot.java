package io.tasker.orchestration.claim;

import io.tasker.task.TaskState;
import io.tasker.template.TaskKey;
import java.util.Map;

/** What a pass needs to know about its task: its state, its template's key and its context. */
public record TaskSnapshot(long taskId, TaskState state, TaskKey key, Map<String, Object> context) {
}
