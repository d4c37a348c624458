package io.tasker.orchestration;

import io.tasker.orchestration.claim.StepClaim;
import io.tasker.orchestration.execution.StepOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The attempts a pass has running, each with the moment it must be finished by. Used by one thread. */
final class RunningSteps {

    private record Attempt(StepClaim step, Instant deadline) {
    }

    private final CompletionService<StepOutcome> completion;
    private final Clock clock;
    private final Map<Future<StepOutcome>, Attempt> attempts = new HashMap<>();

    RunningSteps(Executor executor, Clock clock) {
        this.completion = new ExecutorCompletionService<>(executor);
        this.clock = clock;
    }

    void start(StepClaim step, Callable<StepOutcome> work, Instant deadline) {
        attempts.put(completion.submit(work), new Attempt(step, deadline));
    }

    boolean isEmpty() {
        return attempts.isEmpty();
    }

    List<StepClaim> steps() {
        return attempts.values().stream().map(Attempt::step).toList();
    }

    Optional<Instant> earliestDeadline() {
        return attempts.values().stream().map(Attempt::deadline).min(Instant::compareTo);
    }

    /**
     * Waits until an attempt ends or {@code until} passes; returns the outcome of the attempt that ended, or empty
     * when none did in time.
     */
    Optional<StepOutcome> awaitNext(Instant until) throws InterruptedException {
        while (true) {
            long waitMillis = Math.max(0, Duration.between(clock.instant(), until).toMillis());
            Future<StepOutcome> ended = completion.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (ended == null) {
                return Optional.empty();
            }
            // A cancelled attempt also shows up here; it was dealt with when it was abandoned.
            if (attempts.remove(ended) != null) {
                return Optional.of(outcome(ended));
            }
        }
    }

    /** Stops waiting for the attempts past their deadline, interrupting their threads; returns their steps. */
    List<StepClaim> abandonOverdue(Instant now) {
        return abandon(attempt -> !attempt.deadline().isAfter(now));
    }

    /** Stops waiting for every attempt, interrupting their threads; returns their steps. */
    List<StepClaim> abandonAll() {
        return abandon(attempt -> true);
    }

    private List<StepClaim> abandon(Predicate<Attempt> which) {
        List<StepClaim> abandoned = new ArrayList<>();
        attempts.entrySet().removeIf(entry -> {
            if (!which.test(entry.getValue())) {
                return false;
            }
            entry.getKey().cancel(true);
            abandoned.add(entry.getValue().step());
            return true;
        });
        return abandoned;
    }

    private static StepOutcome outcome(Future<StepOutcome> ended) {
        try {
            return ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a finished attempt", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a step attempt could not be run", e.getCause());
        }
    }
}
