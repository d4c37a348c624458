package io.tasker.orchestration;

import io.tasker.registry.RegisteredTask;
import io.tasker.task.TaskIdentity;
import io.tasker.task.TaskRequest;
import io.tasker.task.TaskState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The orchestrator's state changes and reads, done by the functions of the schema. Every change records its
 * transition in the caller's transaction and applies only from the state it expects, reporting whether it did.
 */
public interface OrchestrationStore {

    /**
     * Creates a pending task of the definition for the request: the task, its steps (a bypassed one resolved) and
     * their edges, with the first transition of each. Returns the task's id.
     *
     * @param identity the request's identity when repeats of it must find this task
     */
    long createTask(RegisteredTask definition, TaskRequest request, Optional<TaskIdentity> identity);

    /** Holds, until the transaction ends, a lock that serialises requests with this identity. */
    void lockIdentity(String identity);

    /** The task's state, template key and context, if it exists. */
    Optional<TaskSnapshot> loadTask(long taskId);

    /** Moves the task to {@code target} if it is in one of {@code from}; false when it was not. */
    boolean transitionTask(long taskId, Set<TaskState> from, TaskState target, Map<String, Object> metadata);

    /**
     * Claims up to {@code maxSteps} ready steps of the task for one attempt each, for {@code claimant}; each claim
     * holds for {@code lease} unless renewed.
     */
    List<ClaimedStep> claimReadySteps(long taskId, String claimant, int maxSteps, Duration lease);

    /** Renews the claims of these running attempts for {@code lease} more. */
    void renewLeases(List<ClaimedStep> running, Duration lease);

    /**
     * Starts a pass: ends the task's running attempts whose claims ran out (they go to error, attempt counted),
     * moves a pending task to in_progress, and claims up to {@code maxSteps} ready steps as
     * {@link #claimReadySteps} does.
     */
    List<ClaimedStep> startPass(long taskId, String claimant, int maxSteps, Duration lease);

    /** Ends up to {@code maxSteps} expired claims across all tasks; returns the tasks concerned. */
    List<Long> expireStaleLeases(int maxSteps);

    /** Gives back uncounted (in_progress to pending) every running attempt of the task that the claimant holds. */
    void releaseClaims(long taskId, String claimant);

    /** Records that the message driving the task next is due after {@code delay}. */
    void scheduleNextPass(long taskId, Duration delay);

    /**
     * Locks up to {@code maxTasks} active tasks that nothing has driven for {@code grace} past their due pass and
     * marks them due now; the caller re-drives them in the same transaction.
     */
    List<Long> claimForgottenTasks(Duration grace, int maxTasks);

    /**
     * Cancels the task and its unfinished steps if it is active; returns its state before (empty if there is no
     * such task).
     */
    Optional<TaskState> cancelTask(long taskId, Map<String, Object> metadata);

    /**
     * Completes a claimed attempt with its results and, in the same transaction, claims up to {@code maxSteps} steps
     * of the task that are ready then, for {@code claimant}, each claim holding for {@code lease}; when it claims
     * none and every step of the task is complete or resolved, completes the task. Empty when the attempt no longer
     * holds its claim (nothing changed).
     */
    Optional<StepCompletion> completeStepAndClaim(long taskId, ClaimedStep step, String resultsJson, String claimant,
                                                  int maxSteps, Duration lease);

    /**
     * Fails a claimed attempt; a permanent failure stops retries, {@code backoffSeconds} (null for none) sets when
     * a retry becomes due, and an uncounted failure gives the attempt back. False when the attempt no longer holds
     * its claim.
     */
    boolean failStep(long stepId, int attempt, Map<String, Object> errorDetails, boolean permanent,
                     BigDecimal backoffSeconds, boolean counted);

    /** The task's step counts and next need, if it exists. */
    Optional<ExecutionContext> executionContext(long taskId);
}
