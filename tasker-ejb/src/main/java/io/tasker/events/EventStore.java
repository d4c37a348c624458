package io.tasker.events;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** The stream of events (transitions and published custom events) and the consumers' cursors (sql/R__events.sql). */
public interface EventStore {

    /** Registers a consumer that starts with the transactions still running or to come; a known one keeps its place. */
    void registerCursor(String name);

    /** Takes the cursor for the node unless another node holds it; the last transaction it delivered. */
    OptionalLong leaseCursor(String name, String node, Duration lease);

    /** The entries of up to {@code maxTransactions} transactions after the given one, in stream order. */
    List<StreamEntry> entriesAfter(long transactionId, int maxTransactions);

    /** Moves the cursor the node holds on and gives it up; false when the node no longer held it. */
    boolean advanceCursor(String name, String node, long transactionId);
}
