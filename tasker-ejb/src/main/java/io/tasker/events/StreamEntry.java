package io.tasker.events;

/**
 * An entry of the stream of events the relay reads (sql/R__events.sql): a transition of a task or a step, or a
 * custom event a handler published.
 */
public sealed interface StreamEntry permits TransitionRecord, PublishedEvent {

    /** The id of the transaction that wrote it: its place in the stream. */
    long transactionId();
}
