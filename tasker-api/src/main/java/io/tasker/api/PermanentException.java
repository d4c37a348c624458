package io.tasker.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure that no retry can fix (invalid input, a 404, a refused payment). The step ends in {@code error} after
 * this attempt, whatever its retry limit, and its task ends in {@code error} once nothing else can run.
 */
public class PermanentException extends RuntimeException {

    private final String errorCode;

    public PermanentException(String message) {
        this(message, null, null);
    }

    public PermanentException(String message, String errorCode) {
        this(message, errorCode, null);
    }

    public PermanentException(String message, String errorCode, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.errorCode = errorCode;
    }

    /** A machine-readable code for the failure, for example {@code HTTP_404}, when the handler gives one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
