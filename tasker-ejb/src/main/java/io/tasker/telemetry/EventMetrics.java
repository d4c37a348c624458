package io.tasker.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The counters of event delivery (docs/observability.md), labelled by the subscriber's class and the event's name:
 * both come from the deployment and the catalog, never from a request.
 */
@ApplicationScoped
public class EventMetrics {

    @Inject
    private Meters meters;

    /** A subscriber received an event. */
    public void delivered(String subscriber) {
        meters.counter("tasker_events_delivered", "Events a subscriber received", Map.of("subscriber", subscriber))
                .increment();
    }

    /** A subscriber threw on an event. */
    public void subscriberFailed(String subscriber, String event) {
        meters.counter("tasker_event_subscriber_failures",
                "Events a subscriber threw on (the event is not delivered again)",
                Map.of("subscriber", subscriber, "event", event)).increment();
    }
}
