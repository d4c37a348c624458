/**
 * Retry and back-off (reference §5, decisions §1 and §5): how long a failed step waits before its next attempt.
 * Whether it gets one is decided in the database from {@code retryable} and {@code retry_limit}.
 */
package io.tasker.retry;
