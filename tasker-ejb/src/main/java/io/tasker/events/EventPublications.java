package io.tasker.events;

import io.tasker.api.events.TaskerEvent;
import io.tasker.config.TaskerSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Publishes a batch of events on the topic and moves the topic's cursor past them in one transaction (the broker's
 * and the database's, two-phase): the batch is on the topic exactly when the cursor says so. A node that lost the
 * cursor (its lease ran out) publishes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class EventPublications {

    @Inject
    private EventStore store;

    @Inject
    private EventTopic topic;

    @Inject
    private TaskerSettings settings;

    /** False when this node no longer held the cursor: nothing was published. */
    public boolean publish(String cursor, List<TaskerEvent> events, long upToTransaction) {
        if (!store.advanceCursor(cursor, settings.nodeName(), upToTransaction)) {
            return false;
        }
        topic.send(events);
        return true;
    }
}
