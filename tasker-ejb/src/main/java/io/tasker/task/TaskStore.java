package io.tasker.task;

import io.tasker.registry.RegisteredTask;
import java.util.Map;
import java.util.Optional;

/** The task changes the schema's functions make for {@link TaskService}, each in the caller's transaction. */
public interface TaskStore {

    /**
     * A creation's result: the task, whether the call created it (or found the one an earlier request with the same
     * identity created), and whether that earlier request asked for the same.
     */
    record CreationResult(long taskId, boolean created, boolean sameRequest) {
    }

    /**
     * Creates a pending task of the definition for the request: the task, its steps (a bypassed one resolved) and
     * their edges, with the first transition of each. With an identity, requests with that identity take turns and a
     * repeat finds the first one's task instead. {@code contextJson} is the request's context as JSON, written once
     * by the caller, which checked its size.
     */
    CreationResult createTask(RegisteredTask definition, TaskRequest request, String contextJson,
                              Optional<TaskIdentity> identity);

    /**
     * Cancels the task and its unfinished steps if it is active; returns its state before (empty if there is no
     * such task).
     */
    Optional<TaskState> cancelTask(long taskId, Map<String, Object> metadata);

    /** The template the task was created from, and when; empty when there is no such task. */
    Optional<TaskOrigin> origin(long taskId);

    /** The name of the task's step; empty when the task has no such step. */
    Optional<String> stepName(long taskId, long stepId);

    /** Changes the task's reason and tags as the annotation says; returns whether there is such a task. */
    boolean annotateTask(long taskId, TaskAnnotation annotation);

    /**
     * Gives the step in error ({@code stepId}), or every step in error of the task in error ({@code stepId} null), a
     * fresh attempt budget, the one step new inputs (JSON) when given; returns the outcome of
     * {@code tasker_retry_steps}.
     */
    String retrySteps(long taskId, Long stepId, Optional<String> inputsJson, Map<String, Object> metadata);

    /**
     * Cancels the pending step and the steps that depend on it; returns the outcome of {@code tasker_cancel_step}.
     */
    String cancelStep(long taskId, long stepId, Map<String, Object> metadata);

    /** Settles the step by hand with these results (JSON); returns the outcome of {@code tasker_resolve_step}. */
    String resolveStep(long taskId, long stepId, String resultsJson, Map<String, Object> metadata);
}
