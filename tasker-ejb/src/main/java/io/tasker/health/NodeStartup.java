package io.tasker.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the node has deployed: its schema migrated, its templates registered (the application does not
 * deploy otherwise) and its API serving requests. A startup probe ({@code /health/started}) holds liveness and
 * readiness probes off a node that is still booting.
 */
@Startup
@ApplicationScoped
public class NodeStartup implements HealthCheck {

    private volatile boolean apiStarted;

    /** The web module calls this once its API is started. */
    public void apiStarted() {
        apiStarted = true;
    }

    /** Whether the API has started. */
    public boolean started() {
        return apiStarted;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("started").status(apiStarted).withData("api_started", apiStarted).build();
    }
}
