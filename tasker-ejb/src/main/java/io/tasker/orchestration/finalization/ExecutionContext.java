package io.tasker.orchestration.finalization;

import io.tasker.task.TaskState;
import java.time.Instant;

/**
 * What a task needs next, one row of {@code get_task_execution_context}.
 *
 * @param nextRetryAt when the earliest step waiting for its back-off becomes due, or null
 * @param earliestLeaseExpiry when the earliest claim of a running step runs out, or null
 */
public record ExecutionContext(TaskState taskState, ExecutionStatus executionStatus, Instant nextRetryAt,
                               Instant earliestLeaseExpiry) {
}
