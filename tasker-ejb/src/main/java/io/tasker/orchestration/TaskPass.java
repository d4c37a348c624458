package io.tasker.orchestration;

import io.tasker.orchestration.claim.PassStart;
import io.tasker.orchestration.claim.StepClaim;
import io.tasker.orchestration.claim.TaskSnapshot;
import io.tasker.orchestration.execution.StepOutcome;
import io.tasker.retry.StepTimeoutException;
import io.tasker.template.TaskKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One pass over a task: start it (claims that ran out are ended, a pending task moves to in_progress, ready steps
 * are claimed), run the claimed attempts concurrently on the step threads, record each outcome, and repeat until
 * nothing is ready or running. A step's completion claims the steps that are ready then in its own transaction, and
 * the last step's completion completes the task; after a failure or a timeout the pass claims itself. At most
 * {@code concurrency} attempts of the task run at once: each claim holds a place until its attempt ends, and a
 * completion takes the free places for the steps it claims.
 *
 * <p>While attempts run their claims are renewed; an attempt that outlives its timeout is abandoned (its thread
 * interrupted) and recorded as failed. When the node stops, the pass claims nothing more and gives back the attempts
 * still running once the grace period is over. The pass's own database work is retried while the database is
 * unavailable; when that happened (a commit may have succeeded though the call failed) or when the pass cannot go
 * on, it gives back every claim it still holds, so no attempt is left to run out its lease and be counted.
 *
 * <p>Everything it works with is passed in, with the clock, so each of these paths runs in a unit test.
 */
final class TaskPass {

    private static final Logger LOG = Logger.getLogger(TaskPass.class.getName());
    // How long a pass sleeps at most, so it notices a stopping node promptly.
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    /** How a pass ended. */
    enum Result {
        /** The task does not exist or is no longer active: nothing was done. */
        TASK_INACTIVE,
        /** A completion recorded by the pass completed the task: nothing is left to finalize. */
        TASK_COMPLETED,
        /** Nothing more runs or is ready in this pass, but the task goes on: it is to be finalized. */
        WORK_LEFT
    }

    /** The claims of a pass, each committed on its own. */
    interface Claims {

        /** Starts the pass (see {@code tasker_start_pass}); empty when the task does not exist. */
        Optional<PassStart> start(long taskId, String claimant, int maxSteps);

        List<StepClaim> claimReady(long taskId, String claimant, int maxSteps);

        void renew(String claimant, List<StepClaim> running);

        /** Gives back, uncounted, every running attempt of the task that the claimant holds. */
        void release(long taskId, String claimant);
    }

    /**
     * Runs one claimed attempt on the calling thread and records its completion, claiming up to as many steps as
     * {@code claimLimit} says when asked (once, after the handler returned).
     */
    @FunctionalInterface
    interface Attempts {
        StepOutcome run(TaskSnapshot task, StepClaim step, IntSupplier claimLimit);
    }

    /** Records a failed attempt of a step of the task; false when the attempt no longer held its claim. */
    @FunctionalInterface
    interface Failures {
        boolean record(TaskSnapshot task, StepClaim step, Throwable failure);
    }

    /** The node the pass runs on. */
    interface Node {

        boolean isStopping();

        /** When the attempts still running must be given back, once the node is stopping. */
        Instant releaseDeadline();
    }

    /** How long an attempt of a step of a task may run. */
    @FunctionalInterface
    interface Timeouts {
        Duration of(TaskKey task, String step);
    }

    /**
     * What every pass of a node works with.
     *
     * @param concurrency how many attempts of one task may run at once
     * @param lease how long a claim holds; it is renewed every third of it
     */
    record Collaborators(Claims claims, Attempts attempts, Failures failures, Node node, Timeouts timeouts,
                         Executor stepThreads, Outages outages, Clock clock, int concurrency, Duration lease) {
    }

    private final Collaborators with;
    private final String claimant;
    private final Runnable heartbeat;
    private TaskSnapshot task;
    private RunningSteps running;
    // Places for more attempts, up to the pass's concurrency: each claimed step holds one until its attempt ends.
    // Step threads take places for the steps their completions claim, so it is shared.
    private Semaphore room;
    // An infrastructure failure hit one of this pass's calls: a claim may have committed unseen.
    private boolean unsure;
    // A completion recorded by this pass completed the task.
    private boolean taskCompleted;

    /**
     * A pass that claims under {@code claimant}, a name no other pass uses, and calls {@code heartbeat} each time it
     * shows that it goes on (each round of its loop, each retry of a call while the database is away).
     */
    TaskPass(Collaborators with, String claimant, Runnable heartbeat) {
        this.with = with;
        this.claimant = claimant;
        this.heartbeat = heartbeat;
    }

    /** The task as the pass found it; null before it ran, or when it found no active task. */
    TaskSnapshot task() {
        return task;
    }

    /**
     * Runs the pass over the task.
     *
     * @throws RuntimeException when the pass cannot go on; the claims it held have been given back
     */
    Result run(long taskId) {
        Optional<PassStart> start = start(taskId);
        if (start.isEmpty() || !start.get().task().state().isActive()) {
            return Result.TASK_INACTIVE;
        }
        task = start.get().task();
        room = new Semaphore(with.concurrency() - start.get().claims().size());
        running = new RunningSteps(with.stepThreads(), with.clock());
        drive(start.get().claims());
        return taskCompleted ? Result.TASK_COMPLETED : Result.WORK_LEFT;
    }

    // A start that failed on the infrastructure may still have committed its claims: give them back.
    private Optional<PassStart> start(long taskId) {
        try {
            return with.claims().start(taskId, claimant, with.concurrency());
        } catch (RuntimeException e) {
            if (with.outages().isInfrastructureFailure(e)) {
                try {
                    with.outages().retryWhileUnavailable(() -> {
                        with.claims().release(taskId, claimant);
                        return null;
                    }, () -> { });
                } catch (RuntimeException failure) {
                    e.addSuppressed(failure);
                }
            }
            throw e;
        }
    }

    private void drive(List<StepClaim> firstClaims) {
        try {
            runUntilDone(firstClaims);
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

    private void runUntilDone(List<StepClaim> firstClaims) {
        Duration renewEvery = with.lease().dividedBy(3);
        Instant nextRenewal = with.clock().instant().plus(renewEvery);
        List<StepClaim> claimed = firstClaims;
        while (true) {
            heartbeat.run();
            for (StepClaim step : claimed) {
                running.start(step, () -> attempt(step), with.clock().instant().plus(timeout(step)));
            }
            if (running.isEmpty()) {
                return;
            }
            Optional<StepOutcome> outcome = awaitOutcome(wakeUp(nextRenewal));
            claimed = new ArrayList<>(outcome.map(StepOutcome::claimed).orElse(List.of()));
            // A completion claimed what was ready; a failure may have made a retry due and freed a place.
            boolean claimAgain = outcome.filter(ended -> ended.kind() != StepOutcome.Kind.COMPLETED).isPresent();
            Instant now = with.clock().instant();
            for (StepClaim overdue : running.abandonOverdue(now)) {
                recordFailure(overdue, new StepTimeoutException(overdue, timeout(overdue)));
                claimAgain = true;
            }
            if (with.node().isStopping() && !now.isBefore(with.node().releaseDeadline())) {
                running.abandonAll();
                giveBackClaims();
                return;
            }
            if (!running.isEmpty() && !now.isBefore(nextRenewal)) {
                List<StepClaim> renewed = running.steps();
                whileUnavailable(() -> {
                    with.claims().renew(claimant, renewed);
                    return null;
                });
                nextRenewal = now.plus(renewEvery);
            }
            if (claimAgain && !with.node().isStopping()) {
                claimed.addAll(claimReady());
            }
        }
    }

    // The next moment something is due: a renewal, a deadline, the release of a stopping node, or a short nap.
    private Instant wakeUp(Instant nextRenewal) {
        Optional<Instant> release = with.node().isStopping() ? Optional.of(with.node().releaseDeadline())
                : Optional.empty();
        return Stream.of(Optional.of(nextRenewal), running.earliestDeadline(), release,
                        Optional.of(with.clock().instant().plus(MAX_WAIT)))
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
    private StepOutcome attempt(StepClaim step) {
        AtomicInteger taken = new AtomicInteger();
        IntSupplier claimLimit = () -> with.node().isStopping() ? 0 : 1 + taken.addAndGet(room.drainPermits());
        StepOutcome outcome;
        try {
            outcome = with.attempts().run(task, step, claimLimit);
        } catch (RuntimeException e) {
            // The step's transaction could not commit: the database went away (the failure is not counted), or the
            // handler marked it rollback-only.
            outcome = StepOutcome.failed(step, e);
        }
        room.release(1 + taken.get() - outcome.claimed().size());
        return outcome;
    }

    private List<StepClaim> claimReady() {
        int places = room.drainPermits();
        List<StepClaim> claimed = List.of();
        try {
            if (places > 0) {
                claimed = whileUnavailable(() -> with.claims().claimReady(task.taskId(), claimant, places));
            }
            return claimed;
        } finally {
            room.release(places - claimed.size());
        }
    }

    private void record(StepOutcome outcome) {
        StepClaim step = outcome.step();
        switch (outcome.kind()) {
            case COMPLETED -> taskCompleted |= outcome.taskCompleted();
            case FAILED -> {
                if (with.outages().isInfrastructureFailure(outcome.failure())) {
                    // The completion may have committed, with its claims, though the call failed.
                    unsure = true;
                }
                recordFailure(step, outcome.failure());
            }
            case CLAIM_LOST -> LOG.info(() -> "TASKER-ORCH-003 step " + step.stepId() + " attempt "
                    + step.attempt() + " finished after losing its claim; result discarded");
        }
    }

    private void recordFailure(StepClaim step, Throwable failure) {
        if (!whileUnavailable(() -> with.failures().record(task, step, failure))) {
            // The attempt had ended: a timed-out attempt may have completed, claiming steps nobody runs.
            unsure = true;
            LOG.info(() -> "TASKER-ORCH-002 step " + step.stepId() + " attempt " + step.attempt()
                    + " failed after losing its claim; failure not recorded");
        }
    }

    private void giveBackClaims() {
        whileUnavailable(() -> {
            with.claims().release(task.taskId(), claimant);
            return null;
        });
    }

    private Duration timeout(StepClaim step) {
        return with.timeouts().of(task.key(), step.name());
    }

    // The pass's own database work; a retry means a claim may have committed unseen.
    private <T> T whileUnavailable(Supplier<T> work) {
        return with.outages().retryWhileUnavailable(work, () -> {
            unsure = true;
            heartbeat.run();
        });
    }
}
