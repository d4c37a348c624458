package io.tasker.test;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change of state of a task under test or of one of its steps, as the engine records it and its API shows it
 * ({@code GET /tasker/tasks/{task_id}/transitions}).
 *
 * @param stepName the step that changed, or null for the task itself
 * @param fromState the state before, or null for the first transition
 * @param at when, on the run's virtual clock, counted from the task's creation
 * @param metadata what the engine records with the change (attempt numbers, the failure's message, the wait
 *     before a retry...), as JSON values: numbers are {@link java.math.BigDecimal}s
 */
public record RecordedTransition(String stepName, String fromState, String toState, Duration at,
                                 Map<String, Object> metadata) {

    public RecordedTransition {
        // JSON null is a value here (a permanent failure's backoff_seconds), which Map.copyOf refuses.
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The change as text, {@code "pending -> in_progress"}, or {@code "-> pending"} for the first one. */
    public String change() {
        return (fromState == null ? "" : fromState + " ") + "-> " + toState;
    }

    @Override
    public String toString() {
        return (stepName == null ? "task" : stepName) + ": " + change() + " " + metadata;
    }
}
