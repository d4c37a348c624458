package io.tasker.telemetry;

import io.tasker.registry.HandlerRegistry;
import io.tasker.registry.TemplatesRegistered;
import io.tasker.template.TaskKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The engine's counters and timers ({@link Meters}, served at {@code /tasker/metrics}), every one named in
 * docs/observability.md. What a transaction changed is counted when it commits, so a rolled-back change counts
 * nothing and the counters agree with the database. Series are labelled by the task's namespace, name and version
 * (and the step's name); only registered templates and their steps get one, so no request can create a series.
 */
@ApplicationScoped
public class EngineMetrics {

    /** How an attempt of a step ended, the {@code outcome} label of {@code tasker_step_attempts_total}. */
    public enum AttemptOutcome {
        SUCCEEDED,
        RETRYABLE_FAILURE,
        PERMANENT_FAILURE,
        TIMED_OUT,
        LEASE_EXPIRED;

        String label() {
            return name().toLowerCase();
        }
    }

    private enum Measure {
        // Not "tasks_created": Prometheus's current format keeps a counter's "_created" suffix for the time the
        // counter was made, and WildFly's registry refuses the name.
        TASKS_SUBMITTED("tasker_tasks_submitted",
                "Tasks created by a request (a repeated request that found its task is not counted)"),
        TASKS_COMPLETED("tasker_tasks_completed", "Tasks that completed"),
        TASKS_FAILED("tasker_tasks_failed", "Tasks that ended in error: a step failed for good"),
        TASKS_CANCELLED("tasker_tasks_cancelled", "Tasks cancelled, by an operator or because their steps were"),
        STEP_ATTEMPTS("tasker_step_attempts", "Attempts of steps that ended, by outcome"),
        STEP_RETRIES("tasker_step_retries", "Attempts begun as retries of a step that had failed"),
        STEPS_RESOLVED("tasker_steps_resolved_manually", "Steps an operator resolved by hand"),
        STEP_EXECUTION("tasker_step_execution", "How long a step's handler ran, whatever the outcome"),
        TASK_DURATION("tasker_task_duration", "From a task's creation to its end (complete, error or cancelled)"),
        QUEUE_WAIT("tasker_queue_wait", "From when a task-runner message was due to when this node began its pass"),
        TASK_PASS("tasker_task_pass", "How long a pass over a task took on this node, finalization included"),
        RUNNING_ATTEMPTS("tasker_step_attempts_running", "Handlers of steps running on this node now");

        private final String metricName;
        private final String description;

        Measure(String metricName, String description) {
            this.metricName = metricName;
            this.description = description;
        }
    }

    private record Series(Measure measure, TaskKey task, String step, String outcome) {
    }

    // The synchronization of the current transaction that applies what it counted once it commits.
    private static final Object PENDING = new Object();

    @Inject
    Meters meters;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private HandlerRegistry templates;

    private final ConcurrentMap<Series, Meters.Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<Series, Meters.Timer> timers = new ConcurrentHashMap<>();
    private final AtomicInteger runningAttempts = new AtomicInteger();
    private Meters.Timer queueWait;
    private Meters.Timer taskPass;

    /** Registers the node's own series, so they show from the start. */
    void registerNodeSeries(@Observes TemplatesRegistered registered) {
        queueWait = timer(Measure.QUEUE_WAIT, Map.of());
        taskPass = timer(Measure.TASK_PASS, Map.of());
        meters.gauge(Measure.RUNNING_ATTEMPTS.metricName, Measure.RUNNING_ATTEMPTS.description, false, Map.of(),
                runningAttempts::get);
    }

    /** A task-runner message that was due {@code waited} ago starts a pass on this node. */
    public void messageWaited(Duration waited) {
        queueWait.record(waited);
    }

    public void passEnded(Duration duration) {
        taskPass.record(duration);
    }

    public void taskCreated(TaskKey task) {
        count(new Series(Measure.TASKS_SUBMITTED, task, null, null));
    }

    /** A task completed; {@code duration} runs from its creation. */
    public void taskCompleted(TaskKey task, Duration duration) {
        taskEnded(Measure.TASKS_COMPLETED, task, duration);
    }

    public void taskFailed(TaskKey task, Duration duration) {
        taskEnded(Measure.TASKS_FAILED, task, duration);
    }

    public void taskCancelled(TaskKey task, Duration duration) {
        taskEnded(Measure.TASKS_CANCELLED, task, duration);
    }

    public void attemptEnded(TaskKey task, String step, AttemptOutcome outcome) {
        count(new Series(Measure.STEP_ATTEMPTS, task, step, outcome.label()));
    }

    /**
     * An attempt's handler begins on this node; closing what this returns says it ended. An attempt after the first
     * counts as a retry at once: its claim has committed (whether the retry was automatic or an operator's).
     */
    public RunningAttempt attemptStarted(TaskKey task, String step, int attempt) {
        if (attempt > 1) {
            counter(new Series(Measure.STEP_RETRIES, task, step, null)).ifPresent(Meters.Counter::increment);
        }
        runningAttempts.incrementAndGet();
        long started = System.nanoTime();
        return () -> {
            runningAttempts.decrementAndGet();
            timer(new Series(Measure.STEP_EXECUTION, task, step, null))
                    .ifPresent(timer -> timer.record(Duration.ofNanos(System.nanoTime() - started)));
        };
    }

    /** A handler running on this node; closing it records how long it ran, whatever becomes of the attempt. */
    @FunctionalInterface
    public interface RunningAttempt extends AutoCloseable {
        @Override
        void close();
    }

    public void stepResolvedManually(TaskKey task, String step) {
        count(new Series(Measure.STEPS_RESOLVED, task, step, null));
    }

    private void taskEnded(Measure measure, TaskKey task, Duration duration) {
        count(new Series(measure, task, null, null));
        timer(new Series(Measure.TASK_DURATION, task, null, null))
                .ifPresent(timer -> atCommit(() -> timer.record(duration)));
    }

    private void count(Series series) {
        counter(series).ifPresent(counter -> atCommit(counter::increment));
    }

    private Optional<Meters.Counter> counter(Series series) {
        return series(counters, series, known -> meters.counter(known.measure().metricName,
                known.measure().description, labels(known)));
    }

    private Optional<Meters.Timer> timer(Series series) {
        return series(timers, series, known -> timer(known.measure(), labels(known)));
    }

    // A duration measured across clocks (a message's due time, a task's creation) can come out below zero: as zero.
    private Meters.Timer timer(Measure measure, Map<String, String> labels) {
        Meters.Timer timer = meters.timer(measure.metricName, measure.description, labels);
        return duration -> timer.record(duration.isNegative() ? Duration.ZERO : duration);
    }

    // The metric of the series, registered on first use if its template is.
    private <M> Optional<M> series(ConcurrentMap<Series, M> metrics, Series series, Function<Series, M> register) {
        M metric = metrics.get(series);
        if (metric == null && isRegistered(series)) {
            metric = metrics.computeIfAbsent(series, register);
        }
        return Optional.ofNullable(metric);
    }

    // Label values come from the registered templates only.
    private boolean isRegistered(Series series) {
        return templates.find(series.task())
                .filter(known -> series.step() == null || known.template().step(series.step()).isPresent())
                .isPresent();
    }

    /** Runs {@code change} once the current transaction commits (at once without one; never if it rolls back). */
    @SuppressWarnings("unchecked")
    private void atCommit(Runnable change) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            change.run();
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return;
        }
        List<Runnable> pending = (List<Runnable>) transactions.getResource(PENDING);
        if (pending == null) {
            List<Runnable> changes = new ArrayList<>(2);
            transactions.putResource(PENDING, changes);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Nothing is known to have committed yet.
                }

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        changes.forEach(Runnable::run);
                    }
                }
            });
            pending = changes;
        }
        pending.add(change);
    }

    private static Map<String, String> labels(Series series) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("namespace", series.task().namespace());
        labels.put("task", series.task().name());
        labels.put("version", series.task().version().toString());
        if (series.step() != null) {
            labels.put("step", series.step());
        }
        if (series.outcome() != null) {
            labels.put("outcome", series.outcome());
        }
        return labels;
    }
}
