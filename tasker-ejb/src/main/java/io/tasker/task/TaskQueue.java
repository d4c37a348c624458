package io.tasker.task;

import java.time.Duration;

/** The task-runner queue: a message names a task that needs a pass. */
public interface TaskQueue {

    /**
     * Asks for a pass over the task after {@code delay}; the message carries the task's correlation id (null when not
     * known: the pass finds it on the task). The message is sent with the caller's transaction: if it rolls back, no
     * message is delivered.
     */
    void enqueue(long taskId, Duration delay, String correlationId);
}
