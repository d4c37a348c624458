package io.tasker.step;

import java.util.Arrays;

/**
 * The states of a workflow step. The schema's functions make the moves between them, each with its transition; the
 * step state machine of docs/architecture.md lists the moves they make (a retry goes {@code error -> pending ->
 * in_progress}; a claim given back goes {@code in_progress -> pending} without counting the attempt).
 */
public enum StepState {
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

    public static StepState of(String value) {
        return Arrays.stream(values())
                .filter(state -> state.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown step state '" + value + "'"));
    }
}
