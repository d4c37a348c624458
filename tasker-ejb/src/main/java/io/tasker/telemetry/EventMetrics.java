package io.tasker.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The counters of event delivery (docs/observability.md), labelled by the subscriber's class and the event's name:
 * both come from the deployment and the catalog, never from a request.
 */
@ApplicationScoped
public class EventMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    /** A subscriber received an event. */
    public void delivered(String subscriber) {
        registry.counter(EngineMetrics.metadata("tasker_events_delivered", "Events a subscriber received",
                MetricUnits.NONE), new Tag("subscriber", subscriber)).inc();
    }

    /** A subscriber threw on an event. */
    public void subscriberFailed(String subscriber, String event) {
        registry.counter(EngineMetrics.metadata("tasker_event_subscriber_failures",
                "Events a subscriber threw on (the event is not delivered again)", MetricUnits.NONE),
                new Tag("subscriber", subscriber), new Tag("event", event)).inc();
    }
}
