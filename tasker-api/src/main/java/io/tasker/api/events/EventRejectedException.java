package io.tasker.api.events;

import io.tasker.api.PermanentException;

/**
 * A custom event Tasker refused to publish: its template declares no such event for the step, or its payload breaks
 * the declared {@code payload_schema}. No retry can fix either, so a handler that lets it through fails its attempt
 * for good (error code {@code EVENT_REJECTED}).
 */
public class EventRejectedException extends PermanentException {

    public EventRejectedException(String message) {
        super(message, "EVENT_REJECTED");
    }
}
