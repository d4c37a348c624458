package io.tasker.telemetry;

import io.tasker.config.TaskerSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The system's status, counted at most once per {@code tasker.health.status-cache-seconds}: it counts whole tables,
 * and a dashboard polling every node (or Prometheus scraping its gauges) must not make each poll count them again.
 */
@ApplicationScoped
public class SystemStatusReader {

    @Inject
    private StatusStore store;

    @Inject
    private TaskerSettings settings;

    private Cached<SystemStatus> status;

    @PostConstruct
    void createCache() {
        status = new Cached<>(store::count, settings::statusCachePeriod);
    }

    /** The status counted within the cache period, counted now when the last one is older. */
    public SystemStatus status() {
        return status.get();
    }
}
