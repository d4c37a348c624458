package io.tasker.api.events;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a task or one of its steps, as the catalog ({@code GET /tasker/events}, docs/events.md)
 * describes it: published once per occurrence, after the transaction that made it committed.
 *
 * @param id unique per occurrence and the same on every delivery of it: a consumer that may see an event twice
 *     (after a node crashed mid-delivery) deduplicates on it
 * @param name the catalog's name, for example {@code step.completed}
 * @param occurredAt when the change was made, by the database's clock
 * @param taskId the task's id
 * @param namespace the namespace of the task's template
 * @param taskName the name of the task's template
 * @param version the version of the task's template
 * @param correlationId the correlation id of the request that created the task, if it had one
 * @param stepId the step's id; null for a task's event
 * @param stepName the step's name; null for a task's event
 * @param attempt the step's attempt the event is about; null when it is about no attempt
 * @param fromState the state left; null when the task or step was just created, and for a custom event
 * @param toState the state entered; null for a custom event
 * @param data what the catalog lists for this event beyond these fields (for example {@code error_message} and
 *     {@code kind} of {@code step.failed}), or a custom event's payload; read-only, JSON values as in
 *     {@code StepContext}
 */
public record TaskerEvent(String id, String name, Instant occurredAt, long taskId, String namespace,
                          String taskName, String version, String correlationId, Long stepId, String stepName,
                          Integer attempt, String fromState, String toState, Map<String, Object> data) {

    public TaskerEvent {
        data = Map.copyOf(data);
    }

    /** The part of the name before its first dot: {@code task}, {@code step}, or a custom event's own. */
    public String category() {
        return name.substring(0, name.indexOf('.'));
    }
}
