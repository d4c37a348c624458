package io.tasker.orchestration.recovery;

import java.time.Duration;
import java.util.List;

/** The sweep's changes, made by the schema's functions in the caller's transaction. */
public interface SweepStore {

    /** Ends up to {@code maxSteps} expired claims across all tasks and marks their tasks due; returns the claims. */
    List<ExpiredClaim> expireStaleLeases(int maxSteps);

    /**
     * Locks up to {@code maxTasks} active tasks that nothing has driven for {@code grace} past their due pass and
     * marks them due now; the caller re-drives them in the same transaction.
     */
    List<Long> claimForgottenTasks(Duration grace, int maxTasks);
}
