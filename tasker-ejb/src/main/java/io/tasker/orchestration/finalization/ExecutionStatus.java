package io.tasker.orchestration.finalization;

import java.util.Arrays;

/** What a task needs next, as {@code get_task_execution_context} decides it. */
public enum ExecutionStatus {
    HAS_READY_STEPS,
    PROCESSING,
    BLOCKED_BY_FAILURES,
    ALL_COMPLETE,
    ALL_DONE_OR_CANCELLED,
    WAITING_FOR_DEPENDENCIES;

    public static ExecutionStatus of(String value) {
        return Arrays.stream(values())
                .filter(status -> status.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown execution status '" + value + "'"));
    }
}
