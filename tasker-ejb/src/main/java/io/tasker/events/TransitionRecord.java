package io.tasker.events;

import java.time.Instant;
import java.util.Map;

/**
 * A transition of a task or a step as the event relay reads it, with what the events need to say about its task
 * and step.
 *
 * @param transactionId the id of the transaction that wrote it: its place in the stream of events
 * @param step whether it is a step's transition (else its task's)
 * @param transitionId its id in its table
 * @param metadata the transition's metadata (JSON values as {@code io.tasker.json.JsonDocuments} reads them)
 * @param sortKey its place in its task's or step's history: a task's first pass start is its second transition
 * @param stepId null for a task's transition
 * @param stepName null for a task's transition
 * @param retryLimit the step's retry limit; 0 for a task's transition
 */
public record TransitionRecord(long transactionId, boolean step, long transitionId, String fromState,
                               String toState, Map<String, Object> metadata, Instant occurredAt, int sortKey,
                               long taskId, String namespace, String taskName, String version,
                               String correlationId, Long stepId, String stepName, int retryLimit)
        implements StreamEntry {
}
