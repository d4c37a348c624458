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
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

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
    private Meters meters;

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
            gauge(now, "tasker_tasks", "Tasks in each state, in the whole system", false, Map.of("status", state),
                    counted -> counted.tasks().getOrDefault(state, 0L));
        }
        for (String state : STATES) {
            gauge(now, "tasker_steps", "Steps in each state, in the whole system", false, Map.of("status", state),
                    counted -> counted.steps().getOrDefault(state, 0L));
        }
        gauge(now, "tasker_step_retries_waiting", "Steps in error that will run again once their back-off is over",
                false, Map.of(), SystemStatus::retriesWaiting);
        gauge(now, "tasker_step_retries_due", "Steps in error whose retry is due now and has not begun",
                false, Map.of(), SystemStatus::retriesDue);
        gauge(now, "tasker_oldest_pending_task_age", "How long the oldest pending task has waited (0 when none waits)",
                true, Map.of(), SystemGauges::oldestPendingAge);
        for (String queue : queues.queues()) {
            Cached<OptionalLong> depth = new Cached<>(context.contextualSupplier(() -> queues.depth(queue)),
                    settings::statusCachePeriod);
            meters.gauge("tasker_queue_messages",
                    "Messages on the queue, delayed ones included, as the broker counts them", false,
                    Map.of("queue", queue), () -> {
                        OptionalLong messages = depth.get();
                        return messages.isPresent() ? (double) messages.getAsLong() : Double.NaN;
                    });
        }
    }

    private void gauge(Supplier<SystemStatus> now, String name, String description, boolean seconds,
                       Map<String, String> labels, ToDoubleFunction<SystemStatus> reading) {
        meters.gauge(name, description, seconds, labels, () -> {
            try {
                return reading.applyAsDouble(now.get());
            } catch (RuntimeException unavailable) {
                return Double.NaN;
            }
        });
    }

    private static double oldestPendingAge(SystemStatus now) {
        OffsetDateTime oldest = now.oldestPendingTaskAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now.at()).toMillis() / 1000.0);
    }
}
