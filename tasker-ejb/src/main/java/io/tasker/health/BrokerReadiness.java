package io.tasker.health;

import io.tasker.infrastructure.jms.BrokerProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the broker answers. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    private BrokerProbe broker;

    @Override
    public HealthCheckResponse call() {
        return ProbeResponses.of("broker", broker::problem);
    }
}
