/**
 * Workflow steps: the step instances of a task, their states (reference §2.3), the edges of the task's DAG, and
 * the step definitions they instantiate (named steps of dependent systems).
 */
package io.tasker.step;
