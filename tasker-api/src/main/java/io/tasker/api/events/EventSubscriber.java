package io.tasker.api.events;

import java.util.Set;

/**
 * Code of the application that observes Tasker's events: make it a CDI bean (for example
 * {@code @ApplicationScoped}) in a bean archive that Tasker's deployment sees, and it receives every event it asks
 * for, after the change that caused it committed, on a thread of its own: never inside the change's transaction.
 *
 * <p>Each subscriber has its own place in the stream of events, kept in the database: one node of a cluster delivers
 * each event to it, in the order of the transactions that made the changes, at least once (an event a node was
 * delivering when it died is delivered again, with the same {@link TaskerEvent#id()}). A subscriber that throws
 * changes nothing in the workflow: the failure is counted and logged with the event's name, and the next event
 * follows. A slow subscriber delays only its own events. docs/events.md has the details.
 */
public interface EventSubscriber {

    /**
     * The events wanted: names from the catalog ({@code task.completed}), a category's events ({@code step.*}),
     * or every event ({@code *}).
     */
    Set<String> events();

    /** Receives one event. */
    void onEvent(TaskerEvent event) throws Exception;
}
