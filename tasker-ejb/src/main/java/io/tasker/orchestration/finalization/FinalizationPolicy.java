package io.tasker.orchestration.finalization;

import java.time.Duration;
import java.time.Instant;

/**
 * The finalizer's decision table. A task waiting for a retry is re-driven by one message delayed until the
 * earliest retry is due plus a small buffer, never by polling.
 */
public final class FinalizationPolicy {

    private final Duration buffer;
    private final Duration maximumBackoff;
    private final Duration lease;
    private final Duration waitingDelay;

    /**
     * @param buffer added to a computed wait, so the message does not arrive just before it is due
     * @param maximumBackoff the longest back-off of a step: a retry is waited for at most that plus the buffer
     * @param lease how long a claim holds: the wait for steps another pass runs when their lease is unknown
     * @param waitingDelay when steps wait for dependencies that nothing is working on, how long until it is looked
     *     at again
     */
    public FinalizationPolicy(Duration buffer, Duration maximumBackoff, Duration lease, Duration waitingDelay) {
        this.buffer = buffer;
        this.maximumBackoff = maximumBackoff.plus(buffer);
        this.lease = lease;
        this.waitingDelay = waitingDelay;
    }

    public FinalizationDecision decide(ExecutionContext context, Instant now) {
        if (!context.taskState().isActive()) {
            return new FinalizationDecision.LeaveAlone();
        }
        return switch (context.executionStatus()) {
            case ALL_COMPLETE -> new FinalizationDecision.Complete();
            case ALL_DONE_OR_CANCELLED -> new FinalizationDecision.Cancel();
            case BLOCKED_BY_FAILURES -> new FinalizationDecision.Fail();
            case HAS_READY_STEPS -> new FinalizationDecision.Reenqueue(Duration.ZERO, "ready_steps_available");
            // Another pass runs steps: it finalizes the task itself; this message only matters if that pass's node
            // dies, which shows when its claims run out.
            case PROCESSING -> new FinalizationDecision.Reenqueue(context.earliestLeaseExpiry() == null
                    ? lease : until(context.earliestLeaseExpiry(), now).plus(buffer), "steps_in_progress");
            case WAITING_FOR_DEPENDENCIES -> context.nextRetryAt() == null
                    ? new FinalizationDecision.Reenqueue(waitingDelay, "awaiting_dependencies")
                    : new FinalizationDecision.Reenqueue(untilRetry(context.nextRetryAt(), now), "retry_backoff");
        };
    }

    private Duration untilRetry(Instant nextRetryAt, Instant now) {
        Duration delay = until(nextRetryAt, now).plus(buffer);
        return delay.compareTo(maximumBackoff) > 0 ? maximumBackoff : delay;
    }

    private static Duration until(Instant moment, Instant now) {
        Duration remaining = Duration.between(now, moment);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }
}
