package io.tasker.retry;

import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a failed attempt means for its step, decided the same way wherever an attempt fails (the engine's
 * {@link StepFailures}, the test kit's runs): a {@link PermanentException} ends the step's retries; otherwise the
 * back-off policy, or the wait the handler asked for, sets when the next attempt becomes due.
 *
 * @param counted false when the infrastructure failed rather than the step: the attempt is given back
 * @param permanent whether the failure ends the step's retries
 * @param backoffSeconds how long until the next attempt becomes due; null for a permanent failure
 * @param details what the step's results keep of the failure: {@code error}, {@code error_class},
 *     {@code error_code} (of a permanent failure that has one), {@code retry_after_seconds} (when the handler asked
 *     for a wait) and the first lines of the {@code backtrace}
 */
public record FailedAttempt(boolean counted, boolean permanent, BigDecimal backoffSeconds,
                            Map<String, Object> details) {

    private static final int BACKTRACE_LINES = 10;
    // A handler's message is kept with its attempt; a longer one is cut, so no message can bloat a step's rows.
    static final int MAX_MESSAGE_LENGTH = 2_000;

    public FailedAttempt {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * Classifies the failure of an attempt.
     *
     * @param attempt which attempt failed, 1 for the first
     * @param counted false when the failure is the infrastructure's: the wait is then the back-off's first
     */
    public static FailedAttempt of(Throwable failure, int attempt, boolean counted, BackoffPolicy backoff) {
        Optional<PermanentException> permanent = find(failure, PermanentException.class).filter(any -> counted);
        Optional<Duration> retryAfter = find(failure, RetryableException.class).flatMap(RetryableException::retryAfter);
        BigDecimal backoffSeconds = permanent.isPresent() ? null
                : seconds(backoff.delayAfter(counted ? attempt : 1, retryAfter));
        return new FailedAttempt(counted, permanent.isPresent(), backoffSeconds, details(failure, permanent,
                retryAfter));
    }

    /** The failure's message as kept: at most {@value #MAX_MESSAGE_LENGTH} characters. */
    public String message() {
        return (String) details.get("error");
    }

    private static Map<String, Object> details(Throwable failure, Optional<PermanentException> permanent,
                                               Optional<Duration> retryAfter) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", bounded(failure.getMessage() == null ? failure.getClass().getName()
                : failure.getMessage()));
        details.put("error_class", failure.getClass().getName());
        permanent.flatMap(PermanentException::errorCode).ifPresent(code -> details.put("error_code", code));
        retryAfter.ifPresent(wait -> details.put("retry_after_seconds", seconds(wait)));
        details.put("backtrace", Arrays.stream(failure.getStackTrace())
                .limit(BACKTRACE_LINES)
                .map(StackTraceElement::toString)
                .toList());
        return details;
    }

    static String bounded(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message
                : message.substring(0, MAX_MESSAGE_LENGTH - 1) + "\u2026";
    }

    // The handler may have wrapped the exception that classifies the failure; the outermost one counts.
    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3);
    }
}
