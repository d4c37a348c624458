package io.tasker.events;

/** Where the custom events a handler publishes are written, in the step's own transaction (sql/R__events.sql). */
public interface CustomEventStore {

    /** Records a publication of a checked payload (JSON text) by an attempt of a step. */
    void record(long taskId, long stepId, int attempt, String event, String payloadJson);
}
