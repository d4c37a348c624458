package io.tasker.rest;

import io.tasker.telemetry.SystemStatus;
import io.tasker.telemetry.SystemStatusReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The system's status at a glance: tasks and steps by state, the oldest pending task, retries due and waiting. As
 * counted within the last {@code tasker.health.status-cache-seconds} ({@code at} says when).
 */
@ApplicationScoped
@Path("health/status")
@Produces(MediaType.APPLICATION_JSON)
public class SystemStatusResource {

    @Inject
    private SystemStatusReader status;

    @GET
    @RequiresPermission(value = "tasker.health_status:index", global = true)
    public SystemStatus status() {
        return status.status();
    }
}
