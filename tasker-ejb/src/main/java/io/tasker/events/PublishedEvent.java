package io.tasker.events;

import io.tasker.api.events.TaskerEvent;
import java.time.Instant;
import java.util.Map;

/**
 * A custom event as a step's handler published it, with its task and step: the relay reads it in the stream once
 * the step's transaction committed (a failed attempt's transaction rolls back, and its publications with it).
 *
 * @param id its id in {@code tasker_custom_events}
 * @param payload what the handler published, checked against the event's declared schema
 */
public record PublishedEvent(long transactionId, long id, String name, Map<String, Object> payload,
                             Instant occurredAt, long taskId, String namespace, String taskName, String version,
                             String correlationId, long stepId, String stepName, int attempt)
        implements StreamEntry {

    /** The event subscribers receive: the payload is its data, it changes no state. */
    public TaskerEvent event() {
        return new TaskerEvent("custom-" + id, name, occurredAt, taskId, namespace, taskName, version, correlationId,
                stepId, stepName, attempt, null, null, payload);
    }
}
