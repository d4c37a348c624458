package io.tasker.orchestration;

import io.tasker.config.TaskerSettings;
import io.tasker.registry.HandlerRegistry;
import io.tasker.template.StepTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Drives one pass over a task (reference §4.3, with the retries of decisions §1): claim the ready steps, run them
 * concurrently on the step threads, record each outcome, and repeat until nothing is ready or running; then
 * finalize. A step's completion claims the steps that are ready then in its own transaction, and the last step's
 * completion completes the task, so there is nothing left to finalize; after a failure or a timeout the pass claims
 * itself. Independent steps run in parallel, up to {@code tasker.execution.max-concurrent-steps} per task. While
 * steps run, their claims are renewed; an attempt that outlives its timeout is abandoned (its thread interrupted)
 * and recorded as failed. When the node stops, the pass claims nothing more and gives back the steps still running
 * after the grace period.
 *
 * <p>Each pass claims under its own name. Its database calls are retried while the database is unavailable; when
 * that happened (a commit may have succeeded though the call failed) or when the pass cannot go on, it gives back
 * every claim it still holds, so no attempt is left to run out its lease and be counted.
 */
@ApplicationScoped
public class TaskCoordinator {

    private static final Logger LOG = Logger.getLogger(TaskCoordinator.class.getName());
    // How long a pass sleeps at most, so it notices a stopping node promptly.
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(4);

    private final AtomicLong passNumbers = new AtomicLong();

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

    @Inject
    private StepThreads stepThreads;

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
            String claimant = settings.nodeName() + "#" + passNumbers.incrementAndGet();
            int concurrency = settings.maxConcurrentSteps();
            PassStart start = start(taskId, claimant, concurrency);
            if (!start.taskActive()) {
                return new FinalizationDecision.LeaveAlone();
            }
            Pass pass = new Pass(start.task(), claimant, concurrency - start.claimed().size());
            pass.drive(start.claimed());
            if (pass.taskCompleted) {
                // The message's transaction holds only its acknowledgement now, and commits in one phase.
                return new FinalizationDecision.Complete();
            }
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

    // A start that failed on the infrastructure may still have committed its claims: give them back.
    private PassStart start(long taskId, String claimant, int concurrency) {
        try {
            return passes.start(taskId, claimant, concurrency);
        } catch (RuntimeException e) {
            if (InfrastructureFailures.isTransient(e)) {
                try {
                    whileUnavailable(() -> {
                        passes.releaseClaims(taskId, claimant);
                        return null;
                    }, () -> { });
                } catch (RuntimeException failure) {
                    e.addSuppressed(failure);
                }
            }
            throw e;
        }
    }

    /**
     * Runs the orchestrator's own database work, retrying while the database is unavailable (a restart, a
     * failover) with a growing wait, for at most a lease: past that the claims are lost anyway. {@code onRetry}
     * runs before each retry.
     */
    private <T> T whileUnavailable(Supplier<T> work, Runnable onRetry) {
        Instant giveUp = Instant.now().plus(settings.stepLease());
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!InfrastructureFailures.isTransient(e) || Instant.now().plus(wait).isAfter(giveUp)) {
                    throw e;
                }
                onRetry.run();
                LOG.warning(() -> "TASKER-ORCH-005 database unavailable (" + e + "); retrying");
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    /** The state of one pass: its claims and the attempts it runs. Used by one thread, but for {@link #room}. */
    private final class Pass {

        private final TaskSnapshot task;
        private final String claimant;
        private final RunningSteps running = new RunningSteps(stepThreads);
        // Places for more attempts, up to the pass's concurrency: each claimed step holds one until its attempt ends.
        // Step threads take places for the steps their completions claim, so it is shared.
        private final Semaphore room;
        // An infrastructure failure hit one of this pass's calls: a claim may have committed unseen.
        private boolean unsure;
        // A completion recorded by this pass completed the task.
        private boolean taskCompleted;

        Pass(TaskSnapshot task, String claimant, int freePlaces) {
            this.task = task;
            this.claimant = claimant;
            this.room = new Semaphore(freePlaces);
        }

        void drive(List<ClaimedStep> claimed) {
            try {
                runUntilDone(claimed);
                if (unsure) {
                    // Nothing runs now: any claim this pass still holds is one it lost track of.
                    giveBackClaims();
                }
            } catch (RuntimeException e) {
                // The pass cannot go on (its message will come again): give back the attempts it still runs.
                running.abandonAll();
                try {
                    giveBackClaims();
                } catch (RuntimeException failure) {
                    e.addSuppressed(failure);
                }
                throw e;
            }
        }

        private void runUntilDone(List<ClaimedStep> firstClaims) {
            Duration renewEvery = settings.stepLease().dividedBy(3);
            Instant nextRenewal = Instant.now().plus(renewEvery);
            List<ClaimedStep> claimed = firstClaims;
            while (true) {
                for (ClaimedStep step : claimed) {
                    running.start(step, () -> attempt(step), Instant.now().plus(timeout(step)));
                }
                if (running.isEmpty()) {
                    return;
                }
                Optional<StepOutcome> outcome = awaitOutcome(wakeUp(nextRenewal));
                claimed = new ArrayList<>(outcome.map(StepOutcome::claimed).orElse(List.of()));
                // A completion claimed what was ready; a failure may have made a retry due and freed a place.
                boolean claimAgain = outcome.filter(ended -> ended.kind() != StepOutcome.Kind.COMPLETED).isPresent();
                Instant now = Instant.now();
                for (ClaimedStep overdue : running.abandonOverdue(now)) {
                    recordFailure(overdue, new StepTimeoutException(overdue, timeout(overdue)));
                    claimAgain = true;
                }
                if (lifecycle.isStopping() && !now.isBefore(lifecycle.releaseDeadline())) {
                    running.abandonAll();
                    giveBackClaims();
                    return;
                }
                if (!running.isEmpty() && !now.isBefore(nextRenewal)) {
                    List<ClaimedStep> renewed = running.steps();
                    whileUnavailable(() -> {
                        passes.renewLeases(renewed);
                        return null;
                    });
                    nextRenewal = now.plus(renewEvery);
                }
                if (claimAgain && !lifecycle.isStopping()) {
                    claimed.addAll(claimReady());
                }
            }
        }

        // The next moment something is due: a renewal, a deadline, the release of a stopping node, or a short nap.
        private Instant wakeUp(Instant nextRenewal) {
            return Stream.of(Optional.of(nextRenewal), running.earliestDeadline(),
                            lifecycle.isStopping() ? Optional.of(lifecycle.releaseDeadline()) : Optional.<Instant>empty(),
                            Optional.of(Instant.now().plus(MAX_WAIT)))
                    .flatMap(Optional::stream)
                    .min(Instant::compareTo)
                    .orElseThrow();
        }

        private Optional<StepOutcome> awaitOutcome(Instant until) {
            try {
                Optional<StepOutcome> outcome = running.awaitNext(until);
                outcome.ifPresent(this::record);
                return outcome;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while steps were running", e);
            }
        }

        // Runs on a step thread. The attempt's place, and the free ones, go to the steps its completion claims.
        private StepOutcome attempt(ClaimedStep step) {
            AtomicInteger taken = new AtomicInteger();
            IntSupplier claimLimit = () -> lifecycle.isStopping() ? 0 : 1 + taken.addAndGet(room.drainPermits());
            StepOutcome outcome;
            try {
                outcome = executor.execute(task, step, claimant, claimLimit);
            } catch (RuntimeException e) {
                // The step's transaction could not commit: the database went away (the failure is not counted),
                // or the handler marked it rollback-only.
                outcome = StepOutcome.failed(step, e);
            }
            room.release(1 + taken.get() - outcome.claimed().size());
            return outcome;
        }

        private List<ClaimedStep> claimReady() {
            int places = room.drainPermits();
            List<ClaimedStep> claimed = List.of();
            try {
                if (places > 0) {
                    claimed = whileUnavailable(() -> passes.claimReady(task.taskId(), claimant, places));
                }
                return claimed;
            } finally {
                room.release(places - claimed.size());
            }
        }

        private void record(StepOutcome outcome) {
            ClaimedStep step = outcome.step();
            switch (outcome.kind()) {
                case COMPLETED -> taskCompleted |= outcome.taskCompleted();
                case FAILED -> {
                    if (InfrastructureFailures.isTransient(outcome.failure())) {
                        // The completion may have committed, with its claims, though the call failed.
                        unsure = true;
                    }
                    recordFailure(step, outcome.failure());
                }
                case CLAIM_LOST -> LOG.info(() -> "TASKER-ORCH-003 step " + step.stepId() + " attempt "
                        + step.attempt() + " finished after losing its claim; result discarded");
            }
        }

        private void recordFailure(ClaimedStep step, Throwable failure) {
            if (!whileUnavailable(() -> failures.record(step, failure))) {
                // The attempt had ended: a timed-out attempt may have completed, claiming steps nobody runs.
                unsure = true;
                LOG.info(() -> "TASKER-ORCH-002 step " + step.stepId() + " attempt " + step.attempt()
                        + " failed after losing its claim; failure not recorded");
            }
        }

        private void giveBackClaims() {
            whileUnavailable(() -> {
                passes.releaseClaims(task.taskId(), claimant);
                return null;
            });
        }

        private Duration timeout(ClaimedStep step) {
            return registry.find(task.key())
                    .flatMap(definition -> definition.template().step(step.name()))
                    .map(StepTemplate::timeout)
                    .orElse(settings.stepTimeout());
        }

        // The pass's own database work; a retry means a claim may have committed unseen.
        private <T> T whileUnavailable(Supplier<T> work) {
            return TaskCoordinator.this.whileUnavailable(work, () -> unsure = true);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
