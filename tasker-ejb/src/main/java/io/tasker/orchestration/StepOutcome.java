package io.tasker.orchestration;

/**
 * How one attempt of a claimed step ended.
 *
 * @param failure what the handler threw when it failed (or what kept its result from being recorded), else null
 */
public record StepOutcome(ClaimedStep step, Kind kind, Throwable failure) {

    public enum Kind {
        /** The handler returned and its results were recorded. */
        COMPLETED,
        /** The handler threw (or its results could not be recorded); the failure still has to be recorded. */
        FAILED,
        /** The attempt lost its claim before it could record a result (the step was reclaimed or cancelled). */
        CLAIM_LOST
    }

    static StepOutcome completed(ClaimedStep step) {
        return new StepOutcome(step, Kind.COMPLETED, null);
    }

    static StepOutcome failed(ClaimedStep step, Throwable failure) {
        return new StepOutcome(step, Kind.FAILED, failure);
    }

    static StepOutcome claimLost(ClaimedStep step) {
        return new StepOutcome(step, Kind.CLAIM_LOST, null);
    }
}
