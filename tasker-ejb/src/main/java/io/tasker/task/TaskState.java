package io.tasker.task;

import java.util.Arrays;

/**
 * The states of a task. The schema's functions make the moves between them, each with its transition; the task
 * state machine of docs/architecture.md lists the moves they make.
 */
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

    /** Whether the orchestrator still drives the task; it stops at complete, error, cancelled and resolved. */
    public boolean isActive() {
        return this == PENDING || this == IN_PROGRESS;
    }
}
