package io.tasker.orchestration.finalization;

import io.tasker.task.TaskState;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The reads and changes of the finalizer, made by the schema's functions in the caller's transaction. */
public interface FinalizationStore {

    /** The task's state and next need, if it exists. */
    Optional<ExecutionContext> executionContext(long taskId);

    /**
     * Ends an active task as {@code outcome} (complete, error or cancelled), with the summary of its steps and the
     * metadata in its transition; false when the task was no longer active.
     */
    boolean finishTask(long taskId, TaskState outcome, Map<String, Object> metadata);

    /** Moves a running task back to pending until its next pass, due after {@code delay}. */
    void reenqueueTask(long taskId, Duration delay, Map<String, Object> metadata);

    /** Moves a running task back to pending, its next pass left to the message that started this one. */
    void suspendTask(long taskId, Map<String, Object> metadata);
}
