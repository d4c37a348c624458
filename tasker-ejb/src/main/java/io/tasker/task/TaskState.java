package io.tasker.task;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The states of a task and the moves between them (reference §2.2). */
public enum TaskState {
    PENDING,
    IN_PROGRESS,
    COMPLETE,
    ERROR,
    CANCELLED,
    RESOLVED_MANUALLY;

    /** The name stored in the database and shown by the API, e.g. {@code in_progress}. */
    public String value() {
        return name().toLowerCase();
    }

    public static TaskState of(String value) {
        return Arrays.stream(values())
                .filter(state -> state.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task state '" + value + "'"));
    }

    /** Whether a task in this state may move to {@code target}. */
    public boolean canTransitionTo(TaskState target) {
        return allowedTargets().contains(target);
    }

    /** Whether the orchestrator still drives the task; it stops at complete, error, cancelled and resolved. */
    public boolean isActive() {
        return this == PENDING || this == IN_PROGRESS;
    }

    private Set<TaskState> allowedTargets() {
        return switch (this) {
            case PENDING -> EnumSet.of(IN_PROGRESS, CANCELLED, ERROR);
            case IN_PROGRESS -> EnumSet.of(COMPLETE, ERROR, CANCELLED, PENDING);
            case ERROR -> EnumSet.of(PENDING, RESOLVED_MANUALLY);
            case COMPLETE, RESOLVED_MANUALLY -> EnumSet.of(CANCELLED);
            case CANCELLED -> EnumSet.noneOf(TaskState.class);
        };
    }
}
