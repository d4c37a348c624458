/**
 * Retrying steps: where a failed attempt is recorded and its retry decided ({@link io.tasker.retry.StepFailures}),
 * how long it waits ({@link io.tasker.retry.BackoffPolicy}), and which failures are the infrastructure's rather
 * than the step's. Whether a step in error may run again is decided in the database from {@code retryable} and
 * {@code retry_limit}; a retry that is due is claimed like any ready step.
 */
package io.tasker.retry;
