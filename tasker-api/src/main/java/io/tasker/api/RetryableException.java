package io.tasker.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure that another attempt may fix (a timeout, a 503, a lock). The step is retried while it has attempts
 * left. By default the retry waits for the configured back-off progression; a handler that knows better (for
 * example from a {@code Retry-After} header) passes {@code retryAfter}, which replaces the progression, capped at
 * the configured maximum back-off.
 */
public class RetryableException extends RuntimeException {

    private final Duration retryAfter;

    public RetryableException(String message) {
        this(message, null, null);
    }

    public RetryableException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public RetryableException(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public RetryableException(String message, Duration retryAfter, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    /** How long to wait before the next attempt, when the handler knows; empty means use the back-off policy. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
