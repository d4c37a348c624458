/**
 * Workflow steps: the step instances of a task as read, and their states (reference §2.3). The schema's functions
 * write them, their edges and the step definitions they instantiate.
 */
package io.tasker.step;
