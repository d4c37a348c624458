package io.tasker.retry;

import io.tasker.api.RetryableException;
import io.tasker.orchestration.claim.StepClaim;
import java.time.Duration;

/** An attempt ran longer than its step's timeout; it counts as a failed attempt and is retried like any other. */
public class StepTimeoutException extends RetryableException {

    public StepTimeoutException(StepClaim step, Duration timeout) {
        super("attempt " + step.attempt() + " of step " + step.name() + " ran longer than its timeout of "
                + timeout.toMillis() / 1000.0 + " s and was abandoned");
    }
}
