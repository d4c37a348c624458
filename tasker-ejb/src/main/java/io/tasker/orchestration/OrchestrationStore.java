package io.tasker.orchestration;

import io.tasker.task.TaskState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The orchestrator's state changes and reads, done by the functions of the schema. Every change records its
 * transition in the caller's transaction and applies only from the state it expects, reporting whether it did.
 */
public interface OrchestrationStore {

    /** Writes the first transitions (none to pending) of a task that was just inserted, and of its steps. */
    void recordCreation(long taskId);

    /** The task's state, template key and context, if it exists. */
    Optional<TaskSnapshot> loadTask(long taskId);

    /** Moves the task to {@code target} if it is in one of {@code from}; false when it was not. */
    boolean transitionTask(long taskId, Set<TaskState> from, TaskState target, Map<String, Object> metadata);

    /** Claims up to {@code maxSteps} ready steps of the task for one attempt each, for {@code claimant}. */
    List<ClaimedStep> claimReadySteps(long taskId, String claimant, int maxSteps);

    /** Completes a claimed attempt with its results; false when the attempt no longer holds its claim. */
    boolean completeStep(long stepId, int attempt, String resultsJson);

    /**
     * Fails a claimed attempt; a permanent failure stops retries, and {@code backoffSeconds} (null for none) sets
     * when a retry becomes due. False when the attempt no longer holds its claim.
     */
    boolean failStep(long stepId, int attempt, Map<String, Object> errorDetails, boolean permanent,
                     BigDecimal backoffSeconds);

    /** The task's step counts and next need, if it exists. */
    Optional<ExecutionContext> executionContext(long taskId);
}
