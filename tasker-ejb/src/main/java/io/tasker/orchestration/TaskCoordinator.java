package io.tasker.orchestration;

import io.tasker.config.TaskerResources;
import io.tasker.config.TaskerSettings;
import io.tasker.registry.HandlerRegistry;
import io.tasker.template.StepTemplate;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Drives one pass over a task (reference §4.3, with the retries of decisions §1): claim the ready steps, run
 * them concurrently on the managed executor, record each outcome, claim whatever became ready, and repeat until
 * nothing is ready or running; then finalize. Independent steps run in parallel, up to
 * {@code tasker.execution.max-concurrent-steps} per task. While steps run, their claims are renewed; an attempt
 * that outlives its timeout is abandoned (its thread interrupted) and recorded as failed. When the node stops, the
 * pass claims nothing more and releases the steps still running after the grace period.
 */
@ApplicationScoped
public class TaskCoordinator {

    private static final Logger LOG = Logger.getLogger(TaskCoordinator.class.getName());
    // How long a pass sleeps at most, so it notices a stopping node promptly.
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    @Inject
    private TaskPasses passes;

    @Inject
    private StepExecutor executor;

    @Inject
    private StepFailures failures;

    @Inject
    private TaskFinalizer finalizer;

    @Inject
    private HandlerRegistry registry;

    @Inject
    private NodeLifecycle lifecycle;

    @Inject
    private TaskerSettings settings;

    @Resource(lookup = TaskerResources.STEP_EXECUTOR)
    private ManagedExecutorService stepThreads;

    /**
     * Runs a pass. The finalization joins the caller's transaction (the task runner's), everything before it
     * commits step by step. On a node that is starting or stopping it returns {@link FinalizationDecision.Defer}:
     * the caller must roll its transaction back, so the broker delivers the message again to a node that runs.
     */
    public FinalizationDecision runPass(long taskId) {
        lifecycle.passStarted();
        try {
            if (!lifecycle.acceptsPasses()) {
                return new FinalizationDecision.Defer();
            }
            int concurrency = settings.maxConcurrentSteps();
            PassStart start = passes.start(taskId, concurrency);
            if (!start.taskActive()) {
                return new FinalizationDecision.LeaveAlone();
            }
            drive(start, concurrency);
            if (lifecycle.isStopping()) {
                // The container cannot commit the message's transaction any more: leave the task to the message.
                passes.suspend(taskId);
                return new FinalizationDecision.Defer();
            }
            return finalizer.finalizeTask(taskId);
        } finally {
            lifecycle.passEnded();
        }
    }

    private void drive(PassStart start, int concurrency) {
        TaskSnapshot task = start.task();
        RunningSteps running = new RunningSteps(stepThreads);
        Duration renewEvery = settings.stepLease().dividedBy(3);
        Instant nextRenewal = Instant.now().plus(renewEvery);
        List<ClaimedStep> claimed = start.claimed();
        while (true) {
            for (ClaimedStep step : claimed) {
                running.start(step, () -> attempt(task, step), Instant.now().plus(timeout(task, step)));
            }
            if (running.isEmpty()) {
                return;
            }
            boolean progressed = awaitOutcome(running, wakeUp(running, nextRenewal));
            Instant now = Instant.now();
            for (ClaimedStep overdue : running.abandonOverdue(now)) {
                recordFailure(overdue, new StepTimeoutException(overdue, timeout(task, overdue)));
                progressed = true;
            }
            if (lifecycle.isStopping() && !now.isBefore(lifecycle.releaseDeadline())) {
                passes.release(running.abandonAll());
                return;
            }
            if (!running.isEmpty() && !now.isBefore(nextRenewal)) {
                passes.renewLeases(running.steps());
                nextRenewal = now.plus(renewEvery);
            }
            boolean mayClaim = progressed && !lifecycle.isStopping() && running.size() < concurrency;
            claimed = mayClaim ? passes.claimReady(task.taskId(), concurrency - running.size()) : List.of();
        }
    }

    // The next moment something is due: a renewal, a deadline, the release of a stopping node, or a short nap.
    private Instant wakeUp(RunningSteps running, Instant nextRenewal) {
        Stream<Instant> moments = Stream.of(Optional.of(nextRenewal), running.earliestDeadline(),
                        lifecycle.isStopping() ? Optional.of(lifecycle.releaseDeadline()) : Optional.<Instant>empty(),
                        Optional.of(Instant.now().plus(MAX_WAIT)))
                .flatMap(Optional::stream);
        return moments.min(Instant::compareTo).orElseThrow();
    }

    private boolean awaitOutcome(RunningSteps running, Instant until) {
        try {
            Optional<StepOutcome> outcome = running.awaitNext(until);
            outcome.ifPresent(this::record);
            return outcome.isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while steps were running", e);
        }
    }

    private Duration timeout(TaskSnapshot task, ClaimedStep step) {
        return registry.find(task.key())
                .flatMap(definition -> definition.template().step(step.name()))
                .map(StepTemplate::timeout)
                .orElse(settings.stepTimeout());
    }

    private StepOutcome attempt(TaskSnapshot task, ClaimedStep step) {
        try {
            return executor.execute(task, step);
        } catch (RuntimeException e) {
            // The step's transaction could not commit (for example the handler marked it rollback-only).
            return StepOutcome.failed(step, e);
        }
    }

    private void record(StepOutcome outcome) {
        ClaimedStep step = outcome.step();
        switch (outcome.kind()) {
            case COMPLETED -> {
            }
            case FAILED -> recordFailure(step, outcome.failure());
            case CLAIM_LOST -> LOG.info(() -> "TASKER-ORCH-003 step " + step.stepId() + " attempt " + step.attempt()
                    + " finished after losing its claim; result discarded");
        }
    }

    private void recordFailure(ClaimedStep step, Throwable failure) {
        if (!failures.record(step, failure)) {
            LOG.info(() -> "TASKER-ORCH-002 step " + step.stepId() + " attempt " + step.attempt()
                    + " failed after losing its claim; failure not recorded");
        }
    }
}
