package io.tasker.events;

import io.tasker.config.TaskerSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.OptionalLong;

/**
 * The consumers' cursors in the stream of events, each call committed on its own: this node takes a cursor for the
 * lease ({@code tasker.events.lease-seconds}), reads on from it, and moves it on once the events are delivered.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class EventCursors {

    @Inject
    private EventStore store;

    @Inject
    private TaskerSettings settings;

    public void register(String cursor) {
        store.registerCursor(cursor);
    }

    /** The last transaction the cursor delivered, now held by this node; empty when another node holds it. */
    public OptionalLong take(String cursor) {
        return store.leaseCursor(cursor, settings.nodeName(), settings.eventLease());
    }

    public List<StreamEntry> entriesAfter(long transactionId, int maxTransactions) {
        return store.entriesAfter(transactionId, maxTransactions);
    }

    /** Moves the cursor on and gives it up; false when this node no longer held it (its lease ran out). */
    public boolean advance(String cursor, long transactionId) {
        return store.advanceCursor(cursor, settings.nodeName(), transactionId);
    }
}
