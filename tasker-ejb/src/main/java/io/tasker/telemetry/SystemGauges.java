package io.tasker.telemetry;

import io.tasker.config.TaskerSettings;
import io.tasker.registry.TemplatesRegistered;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The gauges of the whole system, the same on every node: tasks and steps by state and the retries waiting, from the
 * cached system status, and the depth of Tasker's queues, asked of the broker at most once per
 * {@code tasker.health.status-cache-seconds}. A reading that fails (the database or the broker away) shows as NaN.
 */
@ApplicationScoped
public class SystemGauges {

    // Tasks and steps have the same states.
    private static final List<String> STATES =
            List.of("pending", "in_progress", "complete", "error", "cancelled", "resolved_manually");

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    @Inject
    private SystemStatusReader status;

    @Inject
    private QueueDepths queues;

    @Inject
    private TaskerSettings settings;

    @Resource
    private ContextService context;

    /**
     * Registers the gauges. Prometheus's scrape reads them on a thread of the server's metrics endpoint, outside the
     * application: they read through the application's context, captured here.
     */
    void register(@Observes TemplatesRegistered registered) {
        Supplier<SystemStatus> now = context.contextualSupplier(status::status);
        for (String state : STATES) {
            gauge(now, "tasker_tasks", "Tasks in each state, in the whole system", MetricUnits.NONE,
                    counted -> counted.tasks().getOrDefault(state, 0L), new Tag("status", state));
        }
        for (String state : STATES) {
            gauge(now, "tasker_steps", "Steps in each state, in the whole system", MetricUnits.NONE,
                    counted -> counted.steps().getOrDefault(state, 0L), new Tag("status", state));
        }
        gauge(now, "tasker_step_retries_waiting", "Steps in error that will run again once their back-off is over",
                MetricUnits.NONE, SystemStatus::retriesWaiting);
        gauge(now, "tasker_step_retries_due", "Steps in error whose retry is due now and has not begun",
                MetricUnits.NONE, SystemStatus::retriesDue);
        gauge(now, "tasker_oldest_pending_task_age", "How long the oldest pending task has waited (0 when none waits)",
                MetricUnits.SECONDS, SystemGauges::oldestPendingAge);
        for (String queue : queues.queues()) {
            Cached<OptionalLong> depth = new Cached<>(context.contextualSupplier(() -> queues.depth(queue)),
                    settings::statusCachePeriod);
            registry.gauge(EngineMetrics.metadata("tasker_queue_messages",
                    "Messages on the queue, delayed ones included, as the broker counts them", MetricUnits.NONE),
                    depth, cached -> {
                        OptionalLong messages = cached.get();
                        return messages.isPresent() ? (double) messages.getAsLong() : Double.NaN;
                    }, new Tag("queue", queue));
        }
    }

    private void gauge(Supplier<SystemStatus> now, String name, String description, String unit,
                       ToDoubleFunction<SystemStatus> reading, Tag... tags) {
        registry.gauge(EngineMetrics.metadata(name, description, unit), now, status -> {
            try {
                return reading.applyAsDouble(status.get());
            } catch (RuntimeException unavailable) {
                return Double.NaN;
            }
        }, tags);
    }

    private static double oldestPendingAge(SystemStatus now) {
        OffsetDateTime oldest = now.oldestPendingTaskAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now.at()).toMillis() / 1000.0);
    }
}
