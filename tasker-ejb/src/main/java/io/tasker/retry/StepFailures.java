package io.tasker.retry;

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
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Where a failed attempt is recorded and its retry decided ({@link FailedAttempt}): the step goes to error with
 * the failure in its results, a permanent failure ends its retries, and otherwise the back-off policy (or the
 * handler's retry-after) sets when its next attempt becomes due. A failure caused by the infrastructure (the database
 * unavailable) is not the step's fault: the attempt is given back, and the step is tried again after the first
 * wait of the back-off, for as long as the outage lasts.
 */
@Stateless
public class StepFailures {

    private static final Logger LOG = Logger.getLogger(StepFailures.class.getName());

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
        FailedAttempt attempt = FailedAttempt.of(failure, step.attempt(), !infrastructure.isTransient(failure),
                backoff);
        boolean recorded = store.failStep(step, attempt.details(), attempt.permanent(), attempt.backoffSeconds(),
                attempt.counted());
        if (recorded && attempt.counted()) {
            AttemptOutcome outcome = attempt.permanent() ? AttemptOutcome.PERMANENT_FAILURE
                    : failure instanceof StepTimeoutException ? AttemptOutcome.TIMED_OUT
                    : AttemptOutcome.RETRYABLE_FAILURE;
            metrics.attemptEnded(task, step.name(), outcome);
            LOG.info(() -> "TASKER-STEP-001 attempt " + step.attempt() + " of step " + step.name() + " failed ("
                    + outcome.name().toLowerCase() + (attempt.backoffSeconds() == null ? "" : ", retry after "
                    + attempt.backoffSeconds().toPlainString() + " s if attempts are left") + "): "
                    + attempt.message());
        }
        return recorded;
    }
}
