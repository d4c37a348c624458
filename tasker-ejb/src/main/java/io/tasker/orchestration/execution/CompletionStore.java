package io.tasker.orchestration.execution;

import io.tasker.orchestration.claim.StepClaim;
import java.time.Duration;
import java.util.Optional;

/** Where a step's completion is recorded, by the schema's functions, in the caller's transaction. */
public interface CompletionStore {

    /**
     * Completes a claimed attempt with its results and, in the same transaction, claims up to {@code maxSteps} steps
     * of the task that are ready then, for the attempt's claimant, each claim holding for {@code lease}; when it
     * claims none and every step of the task is complete or resolved, completes the task. Empty when the attempt no
     * longer holds its claim (nothing changed).
     */
    Optional<StepCompletion> completeStepAndClaim(long taskId, StepClaim step, String resultsJson, int maxSteps,
                                                  Duration lease);
}
