package io.tasker.orchestration;

import io.tasker.task.TaskState;
import java.time.Instant;

/**
 * A task's step counts and next need, one row of {@code get_task_execution_context}.
 *
 * @param nextRetryAt when the earliest step waiting for its back-off becomes due, or null
 * @param earliestLeaseExpiry when the earliest claim of a running step runs out, or null
 */
public record ExecutionContext(
        long taskId,
        TaskState taskState,
        int totalSteps,
        int completedSteps,
        int failedSteps,
        int readySteps,
        int permanentlyBlockedSteps,
        ExecutionStatus executionStatus,
        Instant nextRetryAt,
        Instant earliestLeaseExpiry) {
}
