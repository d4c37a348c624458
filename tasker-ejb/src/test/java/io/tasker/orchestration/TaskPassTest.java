package io.tasker.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.orchestration.claim.PassStart;
import io.tasker.orchestration.claim.StepClaim;
import io.tasker.orchestration.claim.TaskSnapshot;
import io.tasker.orchestration.execution.StepCompletion;
import io.tasker.orchestration.execution.StepOutcome;
import io.tasker.retry.StepTimeoutException;
import io.tasker.task.TaskState;
import io.tasker.template.SemanticVersion;
import io.tasker.template.TaskKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * The paths of a pass, with its collaborators scripted: attempts run at once on the calling thread (or never, for
 * the paths where they outlive something), and the clock moves a second at every reading, so the waits of the pass
 * are over at once.
 */
class TaskPassTest {

    private static final long TASK = 7;
    private static final String CLAIMANT = "node-1#1";
    private static final TaskSnapshot ACTIVE_TASK = new TaskSnapshot(TASK, TaskState.IN_PROGRESS,
            new TaskKey("tests", "pass", SemanticVersion.parse("1.0.0")), Map.of(), Instant.EPOCH, null);
    private static final Executor AT_ONCE = Runnable::run;
    private static final Executor NEVER = step -> { };

    private final ScriptedClaims claims = new ScriptedClaims();
    private final ScriptedAttempts attempts = new ScriptedAttempts();
    private final List<String> failures = new ArrayList<>();
    private final List<Throwable> failuresThrown = new ArrayList<>();
    private final ScriptedNode node = new ScriptedNode();
    private final SteppingClock clock = new SteppingClock();

    @Test
    void runsTheClaimedStepsAndWhatTheirCompletionsClaimUntilTheLastCompletesTheTask() {
        claims.startWith(claim("a"));
        attempts.complete("a", claim("b"), claim("c"));
        attempts.complete("b");
        attempts.complete("c", claim("d"));
        attempts.completeTheTask("d");

        assertEquals(TaskPass.Result.TASK_COMPLETED, pass(AT_ONCE, 4).run(TASK));

        assertEquals(List.of("a", "b", "c", "d"), attempts.ran);
        assertEquals(List.of(), failures);
        assertEquals(0, claims.releases);
        assertTrue(heartbeats >= 4, "the pass beats at each round of its loop, beat " + heartbeats);
    }

    @Test
    void aCompletionTakesTheFreePlacesOfThePassForTheStepsItClaimsAndGivesBackTheOnesItDidNotUse() {
        claims.startWith(claim("a"));
        attempts.complete("a", claim("b"), claim("c"), claim("d"));
        attempts.complete("b");
        attempts.complete("c");
        attempts.complete("d");

        assertEquals(TaskPass.Result.WORK_LEFT, pass(AT_ONCE, 3).run(TASK));

        // a: its own place and the 2 free ones, all taken by b, c and d. b: its own only. c: its own and b's,
        // given back. d: its own, b's and c's.
        assertEquals(List.of(3, 1, 2, 3), attempts.claimLimits);
    }

    @Test
    void aFailedAttemptIsRecordedAndTheRetryThatBecameDueIsClaimedInTheFreedPlaces() {
        claims.startWith(claim("a"));
        IllegalStateException failure = new IllegalStateException("boom");
        attempts.fail("a", failure);
        claims.thenClaim(claim("a", 2));
        attempts.completeTheTask("a");

        assertEquals(TaskPass.Result.TASK_COMPLETED, pass(AT_ONCE, 4).run(TASK));

        assertEquals(List.of("a#1"), failures);
        assertSame(failure, failuresThrown.get(0));
        assertEquals(List.of(4), claims.claimLimits, "all the pass's places are free once the attempt failed");
        assertEquals(0, claims.releases);
    }

    @Test
    void anAttemptThatTheInfrastructureCutShortLeavesThePassUnsureSoItGivesBackWhatItStillHolds() {
        claims.startWith(claim("a"));
        attempts.fail("a", new DatabaseGone());

        assertEquals(TaskPass.Result.WORK_LEFT, pass(AT_ONCE, 4).run(TASK));

        assertEquals(List.of("a#1"), failures, "the failure is recorded (uncounted, by the failure records)");
        assertEquals(1, claims.releases, "its completion may have committed claims the pass never saw");
    }

    @Test
    void aClaimRetriedAfterTheDatabaseWentAwayMayHaveCommittedSoTheClaimsAreGivenBack() {
        claims.startWith(claim("a"));
        attempts.fail("a", new IllegalStateException("boom"));
        claims.failNextClaimWith(new DatabaseGone());

        assertEquals(TaskPass.Result.WORK_LEFT, pass(AT_ONCE, 4).run(TASK));

        assertEquals(List.of(4, 4), claims.claimLimits, "the claim is tried again");
        assertEquals(1, claims.releases);
        assertEquals(3, heartbeats, "a beat for each of two rounds, one for the retry");
    }

    @Test
    void aStartThatFailedOnTheInfrastructureGivesBackWhatItMayHaveClaimedAndFails() {
        claims.failStartWith(new DatabaseGone());

        assertThrows(DatabaseGone.class, () -> pass(AT_ONCE, 4).run(TASK));

        assertEquals(1, claims.releases);
    }

    @Test
    void anAttemptPastItsTimeoutIsAbandonedAndRecordedAsAFailedAttemptWhileItsClaimIsRenewed() {
        claims.startWith(claim("a"));

        assertEquals(TaskPass.Result.WORK_LEFT, pass(NEVER, 4).run(TASK));

        assertEquals(List.of("a#1"), failures);
        assertInstanceOf(StepTimeoutException.class, failuresThrown.get(0));
        assertTrue(claims.renewals.contains(List.of("a")), "renewals: " + claims.renewals);
        assertEquals(List.of(3), claims.claimLimits, "a retry may be due; the abandoned attempt keeps its place"
                + " until its thread ends");
    }

    @Test
    void aStoppingNodeClaimsNothingMoreAndGivesBackWhatStillRunsAtTheEndOfTheGracePeriod() {
        claims.startWith(claim("a"), claim("b"));
        attempts.complete("a", claim("c"));
        node.stopping = true;
        node.releaseDeadline = clock.now().plusSeconds(3);

        assertEquals(TaskPass.Result.WORK_LEFT, pass(new RunningFirstOnly(), 4).run(TASK));

        assertEquals(List.of(0), attempts.claimLimits, "a completion on a stopping node claims nothing");
        assertEquals(List.of(), failures, "b is given back, not failed");
        assertEquals(1, claims.releases);
        assertEquals(List.of(), claims.claimLimits);
    }

    @Test
    void aPassThatCannotGoOnGivesBackItsClaimsAndFails() {
        claims.startWith(claim("a"), claim("b"));
        attempts.fail("a", new IllegalStateException("boom"));
        failuresCannotBeRecorded = true;

        assertThrows(IllegalStateException.class, () -> pass(new RunningFirstOnly(), 4).run(TASK));

        assertEquals(1, claims.releases);
    }

    @Test
    void anAttemptThatLostItsClaimChangesNothing() {
        claims.startWith(claim("a"));
        attempts.loseClaim("a");

        assertEquals(TaskPass.Result.WORK_LEFT, pass(AT_ONCE, 4).run(TASK));

        assertEquals(List.of(), failures);
        assertEquals(List.of(4), claims.claimLimits);
        assertEquals(0, claims.releases);
    }

    @Test
    void aTaskThatIsGoneOrNoLongerActiveIsLeftAlone() {
        assertEquals(TaskPass.Result.TASK_INACTIVE, pass(AT_ONCE, 4).run(TASK));

        claims.start = Optional.of(new PassStart(new TaskSnapshot(TASK, TaskState.CANCELLED, ACTIVE_TASK.key(),
                Map.of(), Instant.EPOCH, null), List.of(), List.of()));
        assertEquals(TaskPass.Result.TASK_INACTIVE, pass(AT_ONCE, 4).run(TASK));
        assertEquals(List.of(), attempts.ran);
    }

    private boolean failuresCannotBeRecorded;
    private int heartbeats;

    private TaskPass pass(Executor stepThreads, int concurrency) {
        Duration lease = Duration.ofSeconds(3);
        TaskPass.Collaborators with = new TaskPass.Collaborators(claims, attempts, this::recordFailure, node,
                (task, step) -> Duration.ofSeconds(5), stepThreads,
                new Outages(DatabaseGone.class::isInstance, lease, clock, wait -> { }), clock, concurrency, lease);
        return new TaskPass(with, CLAIMANT, () -> heartbeats++);
    }

    private boolean recordFailure(TaskSnapshot task, StepClaim step, Throwable failure) {
        if (failuresCannotBeRecorded) {
            throw new IllegalStateException("the failure records are broken");
        }
        failures.add(step.name() + "#" + step.attempt());
        failuresThrown.add(failure);
        return true;
    }

    private static StepClaim claim(String name) {
        return claim(name, 1);
    }

    private static StepClaim claim(String name, int attempt) {
        return new StepClaim(name.hashCode(), name, attempt, CLAIMANT, Map.of(), Map.of());
    }

    /** A failure of the infrastructure, as the pass's outages tell them. */
    private static final class DatabaseGone extends RuntimeException {
        DatabaseGone() {
            super("the database went away");
        }
    }

    private static final class ScriptedClaims implements TaskPass.Claims {
        Optional<PassStart> start = Optional.empty();
        RuntimeException startFailure;
        final Deque<List<StepClaim>> nextClaims = new ArrayDeque<>();
        RuntimeException nextClaimFailure;
        final List<Integer> claimLimits = new ArrayList<>();
        final List<List<String>> renewals = new ArrayList<>();
        int releases;

        void startWith(StepClaim... claimed) {
            start = Optional.of(new PassStart(ACTIVE_TASK, List.of(claimed), List.of()));
        }

        void failStartWith(RuntimeException failure) {
            startFailure = failure;
        }

        void thenClaim(StepClaim... claimed) {
            nextClaims.add(List.of(claimed));
        }

        void failNextClaimWith(RuntimeException failure) {
            nextClaimFailure = failure;
        }

        @Override
        public Optional<PassStart> start(long taskId, String claimant, int maxSteps) {
            if (startFailure != null) {
                throw startFailure;
            }
            return start;
        }

        @Override
        public List<StepClaim> claimReady(long taskId, String claimant, int maxSteps) {
            claimLimits.add(maxSteps);
            if (nextClaimFailure != null) {
                RuntimeException failure = nextClaimFailure;
                nextClaimFailure = null;
                throw failure;
            }
            return nextClaims.isEmpty() ? List.of() : nextClaims.remove();
        }

        @Override
        public void renew(String claimant, List<StepClaim> running) {
            renewals.add(running.stream().map(StepClaim::name).toList());
        }

        @Override
        public void release(long taskId, String claimant) {
            releases++;
        }
    }

    private static final class ScriptedAttempts implements TaskPass.Attempts {
        final Map<String, Deque<AttemptScript>> scripts = new HashMap<>();
        final List<String> ran = new ArrayList<>();
        final List<Integer> claimLimits = new ArrayList<>();

        private interface AttemptScript {
            StepOutcome end(StepClaim step, IntSupplier claimLimit);
        }

        void complete(String name, StepClaim... claimed) {
            script(name, (step, claimLimit) -> {
                int limit = claimLimit.getAsInt();
                claimLimits.add(limit);
                return StepOutcome.completed(step, new StepCompletion(limit == 0 ? List.of() : List.of(claimed),
                        false));
            });
        }

        void completeTheTask(String name) {
            script(name, (step, limit) -> StepOutcome.completed(step, new StepCompletion(List.of(), true)));
        }

        void fail(String name, RuntimeException failure) {
            script(name, (step, limit) -> StepOutcome.failed(step, failure));
        }

        void loseClaim(String name) {
            script(name, (step, limit) -> StepOutcome.claimLost(step));
        }

        private void script(String name, AttemptScript script) {
            scripts.computeIfAbsent(name, any -> new ArrayDeque<>()).add(script);
        }

        @Override
        public StepOutcome run(TaskSnapshot task, StepClaim step, IntSupplier claimLimit) {
            ran.add(step.name());
            return scripts.get(step.name()).remove().end(step, claimLimit);
        }
    }

    private static final class ScriptedNode implements TaskPass.Node {
        boolean stopping;
        Instant releaseDeadline;

        @Override
        public boolean isStopping() {
            return stopping;
        }

        @Override
        public Instant releaseDeadline() {
            return releaseDeadline;
        }
    }

    /** Runs the first attempt it is given at once and never the others: they run on until the pass gives up. */
    private static final class RunningFirstOnly implements Executor {
        private boolean ranOne;

        @Override
        public void execute(Runnable attempt) {
            if (!ranOne) {
                ranOne = true;
                attempt.run();
            }
        }
    }

    /** A clock that moves one second forward at every reading. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T12:00:00Z");

        Instant now() {
            return now;
        }

        @Override
        public Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
