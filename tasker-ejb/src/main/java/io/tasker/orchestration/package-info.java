/**
 * Orchestration: how a task runs. A message on the task-runner queue starts a pass of the
 * {@link io.tasker.orchestration.TaskCoordinator}: it claims the steps the readiness function says are ready,
 * runs them concurrently (each in its own transaction with its completion), claims what they unblocked, and
 * repeats until nothing is ready or running. The {@link io.tasker.orchestration.TaskFinalizer} then completes
 * the task, fails it, or sends one message delayed until its earliest retry is due (decisions §1–§3).
 */
package io.tasker.orchestration;
