/** Workflow steps: the states a step of a task goes through. */
package io.tasker.step;
