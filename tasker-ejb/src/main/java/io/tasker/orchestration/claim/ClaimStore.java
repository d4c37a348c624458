package io.tasker.orchestration.claim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The claims the schema's functions make, each in the caller's transaction. A claim holds for {@code lease} unless
 * its claimant renews it.
 */
public interface ClaimStore {

    /**
     * Starts a pass over an active task: ends its running attempts whose claims ran out (they go to error, attempt
     * counted), moves it from pending to in_progress, and claims up to {@code maxSteps} ready steps as
     * {@link #claimReadySteps} does. An inactive task is only read. Empty when there is no such task.
     */
    Optional<PassStart> startPass(long taskId, String claimant, int maxSteps, Duration lease);

    /** Claims up to {@code maxSteps} ready steps of the task for one attempt each, for {@code claimant}. */
    List<StepClaim> claimReadySteps(long taskId, String claimant, int maxSteps, Duration lease);

    /** Renews, for {@code lease} more, the claims of these running attempts that their claimant still holds. */
    void renewLeases(String claimant, List<StepClaim> running, Duration lease);

    /** Gives back uncounted (in_progress to pending) every running attempt of the task that the claimant holds. */
    void releaseClaims(long taskId, String claimant);
}
