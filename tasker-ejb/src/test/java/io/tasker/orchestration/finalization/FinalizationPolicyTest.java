package io.tasker.orchestration.finalization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.task.TaskState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FinalizationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final FinalizationPolicy policy = new FinalizationPolicy(Duration.ofMillis(50),
            Duration.ofSeconds(300), Duration.ofSeconds(30), Duration.ofSeconds(45));

    @Test
    void completesWhenAllStepsAreComplete() {
        assertEquals(new FinalizationDecision.Complete(), decide(ExecutionStatus.ALL_COMPLETE, null));
    }

    @Test
    void cancelsWhenTheStepsLeftWereCancelledByAnOperator() {
        assertEquals(new FinalizationDecision.Cancel(), decide(ExecutionStatus.ALL_DONE_OR_CANCELLED, null));
    }

    @Test
    void failsWhenBlockedByFailures() {
        assertEquals(new FinalizationDecision.Fail(), decide(ExecutionStatus.BLOCKED_BY_FAILURES, null));
    }

    @Test
    void reenqueuesAtOnceWhenStepsAreReady() {
        assertEquals(new FinalizationDecision.Reenqueue(Duration.ZERO, "ready_steps_available"),
                decide(ExecutionStatus.HAS_READY_STEPS, null));
    }

    @Test
    void whileAnotherPassRunsStepsLooksAgainWhenTheirClaimRunsOut() {
        ExecutionContext context = new ExecutionContext(TaskState.IN_PROGRESS, ExecutionStatus.PROCESSING, null,
                NOW.plusSeconds(12));
        assertEquals(new FinalizationDecision.Reenqueue(Duration.ofMillis(12_050), "steps_in_progress"),
                policy.decide(context, NOW));
        assertEquals(new FinalizationDecision.Reenqueue(Duration.ofSeconds(30), "steps_in_progress"),
                decide(ExecutionStatus.PROCESSING, null), "an unknown claim lasts a full lease");
    }

    @Test
    void waitsUntilTheEarliestRetryPlusTheBuffer() {
        assertEquals(new FinalizationDecision.Reenqueue(Duration.ofMillis(2050), "retry_backoff"),
                decide(ExecutionStatus.WAITING_FOR_DEPENDENCIES, NOW.plusSeconds(2)));
    }

    @Test
    void aRetryAlreadyDueWaitsOnlyTheBuffer() {
        assertEquals(new FinalizationDecision.Reenqueue(Duration.ofMillis(50), "retry_backoff"),
                decide(ExecutionStatus.WAITING_FOR_DEPENDENCIES, NOW.minusSeconds(1)));
    }

    @Test
    void neverWaitsLongerThanTheMaximumBackoffAndTheBuffer() {
        assertEquals(new FinalizationDecision.Reenqueue(Duration.ofMillis(300_050), "retry_backoff"),
                decide(ExecutionStatus.WAITING_FOR_DEPENDENCIES, NOW.plusSeconds(3600)));
    }

    @Test
    void waitsTheWaitingDelayWhenNoRetryIsPending() {
        assertEquals(new FinalizationDecision.Reenqueue(Duration.ofSeconds(45), "awaiting_dependencies"),
                decide(ExecutionStatus.WAITING_FOR_DEPENDENCIES, null));
    }

    @Test
    void leavesFinishedTasksAlone() {
        for (TaskState state : new TaskState[] {TaskState.COMPLETE, TaskState.ERROR, TaskState.CANCELLED,
                TaskState.RESOLVED_MANUALLY}) {
            ExecutionContext context = new ExecutionContext(state, ExecutionStatus.ALL_COMPLETE, null, null);
            assertEquals(new FinalizationDecision.LeaveAlone(), policy.decide(context, NOW));
        }
    }

    private FinalizationDecision decide(ExecutionStatus status, Instant nextRetryAt) {
        return policy.decide(new ExecutionContext(TaskState.IN_PROGRESS, status, nextRetryAt, null), NOW);
    }
}
