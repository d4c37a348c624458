package io.tasker.examples;

import io.tasker.api.StepContext;

/** Where the example handlers record each attempt they ran to its end. */
public interface ExecutionLedger {

    /** Records a successful attempt, in the step's own transaction: it exists if and only if the step completes. */
    void recordSuccess(StepContext step);

    /** Records a failed attempt, in a transaction of its own, so it survives the rollback of the step's. */
    void recordFailure(StepContext step);
}
