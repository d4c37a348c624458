package io.tasker.retry;

import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import io.tasker.config.TaskerSettings;
import io.tasker.orchestration.claim.StepClaim;
import io.tasker.orchestration.claim.TaskSnapshot;
import io.tasker.telemetry.EngineMetrics;
import io.tasker.telemetry.EngineMetrics.AttemptOutcome;
import io.tasker.telemetry.LogContext;
import io.tasker.template.TaskKey;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Where a failed attempt is recorded and its retry decided: the step goes to error with the failure in its
 * results, a {@link PermanentException} ends its retries, and otherwise the back-off policy (or the handler's
 * retry-after) sets when its next attempt becomes due. A failure caused by the infrastructure (the database
 * unavailable) is not the step's fault: the attempt is given back, and the step is tried again after the first
 * wait of the back-off, for as long as the outage lasts.
 */
@Stateless
public class StepFailures {

    private static final Logger LOG = Logger.getLogger(StepFailures.class.getName());
    private static final int BACKTRACE_LINES = 10;
    // A handler's message is kept with its attempt; a longer one is cut, so no message can bloat a step's rows.
    static final int MAX_MESSAGE_LENGTH = 2_000;

    @Inject
    private FailureStore store;

    @Inject
    private InfrastructureFailures infrastructure;

    @Inject
    private TaskerSettings settings;

    @Inject
    private EngineMetrics metrics;

    private BackoffPolicy backoff;

    @PostConstruct
    void createPolicy() {
        backoff = new BackoffPolicy(settings.backoffProgression(), settings.backoffMultiplier(),
                settings.maxBackoff(), settings.jitterFraction(), RandomGenerator.getDefault());
    }

    /** Records the failure of an attempt of a step of the task; false when the attempt had already lost its claim. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean record(TaskSnapshot task, StepClaim step, Throwable failure) {
        try (LogContext.Scope attempt = LogContext.attempt(task.correlationId(), task.taskId(), step.stepId(),
                step.attempt())) {
            return recordFailure(task.key(), step, failure);
        }
    }

    private boolean recordFailure(TaskKey task, StepClaim step, Throwable failure) {
        boolean counted = !infrastructure.isTransient(failure);
        Optional<PermanentException> permanent = find(failure, PermanentException.class).filter(any -> counted);
        Optional<Duration> retryAfter = find(failure, RetryableException.class).flatMap(RetryableException::retryAfter);
        BigDecimal backoffSeconds = permanent.isPresent() ? null
                : seconds(backoff.delayAfter(counted ? step.attempt() : 1, retryAfter));
        boolean recorded = store.failStep(step, details(failure, permanent, retryAfter), permanent.isPresent(),
                backoffSeconds, counted);
        if (recorded && counted) {
            AttemptOutcome outcome = permanent.isPresent() ? AttemptOutcome.PERMANENT_FAILURE
                    : failure instanceof StepTimeoutException ? AttemptOutcome.TIMED_OUT
                    : AttemptOutcome.RETRYABLE_FAILURE;
            metrics.attemptEnded(task, step.name(), outcome);
            LOG.info(() -> "TASKER-STEP-001 attempt " + step.attempt() + " of step " + step.name() + " failed ("
                    + outcome.name().toLowerCase() + (backoffSeconds == null ? "" : ", retry after "
                    + backoffSeconds.toPlainString() + " s if attempts are left") + "): " + bounded(String.valueOf(
                    failure.getMessage())));
        }
        return recorded;
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
