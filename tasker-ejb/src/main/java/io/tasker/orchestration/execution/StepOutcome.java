package io.tasker.orchestration.execution;

import io.tasker.orchestration.claim.StepClaim;
import java.util.List;

/**
 * How one attempt of a claimed step ended.
 *
 * @param failure what the handler threw when it failed (or what kept its result from being recorded), else null
 * @param claimed the steps claimed in the transaction that recorded the completion, for the pass to run
 * @param taskCompleted whether that transaction also completed the task (the step was its last)
 */
public record StepOutcome(StepClaim step, Kind kind, Throwable failure, List<StepClaim> claimed,
                          boolean taskCompleted) {

    public enum Kind {
        /** The handler returned and its results were recorded. */
        COMPLETED,
        /** The handler threw (or its results could not be recorded); the failure still has to be recorded. */
        FAILED,
        /** The attempt lost its claim before it could record a result (the step was reclaimed or cancelled). */
        CLAIM_LOST
    }

    public StepOutcome {
        claimed = List.copyOf(claimed);
    }

    public static StepOutcome completed(StepClaim step, StepCompletion completion) {
        return new StepOutcome(step, Kind.COMPLETED, null, completion.claimed(), completion.taskCompleted());
    }

    public static StepOutcome failed(StepClaim step, Throwable failure) {
        return new StepOutcome(step, Kind.FAILED, failure, List.of(), false);
    }

    public static StepOutcome claimLost(StepClaim step) {
        return new StepOutcome(step, Kind.CLAIM_LOST, null, List.of(), false);
    }
}
