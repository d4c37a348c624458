package io.tasker.orchestration.execution;

import io.tasker.orchestration.claim.StepClaim;
import java.util.List;

/**
 * What the transaction that recorded a step's completion did besides: the steps it claimed, and whether the step
 * was the task's last one, so that the same transaction completed the task.
 */
public record StepCompletion(List<StepClaim> claimed, boolean taskCompleted) {

    public StepCompletion {
        claimed = List.copyOf(claimed);
    }
}
