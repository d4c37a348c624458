package io.tasker.telemetry;

import io.tasker.config.TaskerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The system's status, counted at most once per {@code tasker.health.status-cache-seconds}: it counts whole tables,
 * and a dashboard polling every node must not make each poll count them again.
 */
@ApplicationScoped
public class SystemStatusReader {

    @Inject
    private StatusStore store;

    @Inject
    private TaskerSettings settings;

    private SystemStatus last;
    private long countedAt;

    /** The status counted within the cache period, counted now when the last one is older. */
    public synchronized SystemStatus status() {
        long now = System.nanoTime();
        if (last == null || now - countedAt >= settings.statusCachePeriod().toNanos()) {
            last = store.count();
            countedAt = now;
        }
        return last;
    }
}
