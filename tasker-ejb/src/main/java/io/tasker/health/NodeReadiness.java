package io.tasker.health;

import io.tasker.orchestration.NodeLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Ready when this node accepts and runs tasks: its templates are registered, its API serves requests, and it is
 * not stopping (a stopping node turns DOWN at once, so a load balancer stops sending it work).
 */
@Readiness
@ApplicationScoped
public class NodeReadiness implements HealthCheck {

    @Inject
    private NodeLifecycle lifecycle;

    @Inject
    @Startup
    private NodeStartup startup;

    @Override
    public HealthCheckResponse call() {
        boolean apiStarted = startup.started();
        boolean acceptsTasks = lifecycle.acceptsPasses();
        return HealthCheckResponse.named("node")
                .status(apiStarted && acceptsTasks)
                .withData("api_started", apiStarted)
                .withData("accepts_tasks", acceptsTasks)
                .build();
    }
}
