package io.tasker.step;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a workflow step and the moves between them (reference §2.3). A retry goes
 * {@code error -> pending -> in_progress}; there is no direct {@code error -> in_progress}. Beyond the reference, a
 * node that stops cleanly gives a running step back ({@code in_progress -> pending}) without counting the attempt.
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

    /** Whether a step in this state may move to {@code target}. */
    public boolean canTransitionTo(StepState target) {
        return allowedTargets().contains(target);
    }

    /** Complete, cancelled and manually resolved steps never change again. */
    public boolean isTerminal() {
        return allowedTargets().isEmpty();
    }

    /** Whether dependents may run: the step completed or an operator resolved it. */
    public boolean satisfiesDependents() {
        return this == COMPLETE || this == RESOLVED_MANUALLY;
    }

    private Set<StepState> allowedTargets() {
        return switch (this) {
            case PENDING -> EnumSet.of(IN_PROGRESS, ERROR, CANCELLED, RESOLVED_MANUALLY);
            case IN_PROGRESS -> EnumSet.of(COMPLETE, ERROR, CANCELLED, PENDING);
            case ERROR -> EnumSet.of(PENDING, RESOLVED_MANUALLY);
            case COMPLETE, CANCELLED, RESOLVED_MANUALLY -> EnumSet.noneOf(StepState.class);
        };
    }
}
