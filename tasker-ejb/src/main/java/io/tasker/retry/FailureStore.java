package io.tasker.retry;

import io.tasker.orchestration.claim.StepClaim;
import java.math.BigDecimal;
import java.util.Map;

/** Where a failed attempt is recorded, by the schema's functions, in the caller's transaction. */
public interface FailureStore {

    /**
     * Fails a claimed attempt; a permanent failure stops retries, {@code backoffSeconds} (null for none) sets when
     * a retry becomes due, and an uncounted failure gives the attempt back. False when the attempt no longer holds
     * its claim.
     */
    boolean failStep(StepClaim step, Map<String, Object> errorDetails, boolean permanent, BigDecimal backoffSeconds,
                     boolean counted);
}
