/**
 * Orchestration: how a task runs. A message on the task-runner queue starts a pass
 * ({@link io.tasker.orchestration.TaskCoordinator}, {@link io.tasker.orchestration.TaskPass}): steps are claimed
 * ({@code claim}), run with their completion ({@code execution}), failures recorded and retried
 * ({@code io.tasker.retry}), until nothing is ready or running; the last step's completion completes the task, any
 * other pass ends with the finalizer ({@code finalization}), which completes or fails the task or re-enqueues it.
 * The sweep ({@code recovery}) re-drives what a dead node or a lost message left behind.
 * {@link io.tasker.orchestration.NodeLifecycle} starts and stops a node's passes.
 */
package io.tasker.orchestration;
