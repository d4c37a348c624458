package io.tasker.orchestration.recovery;

import io.tasker.config.TaskerSettings;
import io.tasker.task.TaskQueue;
import io.tasker.telemetry.EngineMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The safety net that keeps any task from being forgotten. Every node, every {@code tasker.sweep.interval-seconds}:
 * ends the running attempts whose claims ran out (their node died) and re-drives their tasks, then re-drives active
 * tasks that nothing has touched for {@code tasker.sweep.grace-seconds} past their due pass (as if their message
 * were lost). Nodes sweeping at once skip each other's rows, and a task re-driven twice only gets a harmless extra
 * pass.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class TaskSweeper {

    private static final Logger LOG = Logger.getLogger(TaskSweeper.class.getName());
    private static final int BATCH = 500;

    @Resource
    private TimerService timers;

    @Inject
    private TaskerSettings settings;

    @Inject
    private SweepStore store;

    @Inject
    private TaskQueue queue;

    @Inject
    private EngineMetrics metrics;

    @PostConstruct
    void scheduleSweeps() {
        long every = settings.sweepInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("tasker-sweep", false));
    }

    /** One sweep, in one transaction: the recovered tasks' messages are sent only if the sweep commits. */
    @Timeout
    void sweep() {
        Set<Long> tasks = new LinkedHashSet<>();
        for (ExpiredClaim expired : store.expireStaleLeases(BATCH)) {
            tasks.add(expired.taskId());
            metrics.attemptEnded(expired.task(), expired.step(), EngineMetrics.AttemptOutcome.LEASE_EXPIRED);
        }
        int recovered = tasks.size();
        tasks.addAll(store.claimForgottenTasks(settings.sweepGrace(), BATCH));
        for (long taskId : tasks) {
            // The pass finds the task's correlation id on the task.
            queue.enqueue(taskId, Duration.ZERO, null);
        }
        if (!tasks.isEmpty()) {
            LOG.info(() -> "TASKER-SWEEP-001 re-driving " + tasks.size() + " tasks (" + recovered
                    + " with expired claims): " + tasks.stream().limit(20).toList());
        }
    }
}
