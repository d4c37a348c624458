package io.tasker.orchestration;

import java.time.Duration;
import java.time.Instant;

/**
 * The finalizer's decision table (reference §4.5, decisions §2). A task waiting for a retry is re-driven by one
 * message delayed until the earliest retry is due plus a small buffer, never by polling.
 */
public final class FinalizationPolicy {

    private final Duration retryBuffer;
    private final Duration maximumBackoff;
    private final Duration processingDelay;
    private final Duration waitingDelay;

    /**
     * @param retryBuffer added to the time until the earliest retry, so the message does not arrive just early
     * @param maximumBackoff the longest a retry may be waited for
     * @param processingDelay when another pass holds steps of the task, how long until this task is looked at again
     * @param waitingDelay when steps wait for dependencies that nothing is working on, how long until it is looked
     *     at again
     */
    public FinalizationPolicy(Duration retryBuffer, Duration maximumBackoff, Duration processingDelay,
                              Duration waitingDelay) {
        this.retryBuffer = retryBuffer;
        this.maximumBackoff = maximumBackoff;
        this.processingDelay = processingDelay;
        this.waitingDelay = waitingDelay;
    }

    public FinalizationDecision decide(ExecutionContext context, Instant now) {
        if (!context.taskState().isActive()) {
            return new FinalizationDecision.LeaveAlone();
        }
        return switch (context.executionStatus()) {
            case ALL_COMPLETE -> new FinalizationDecision.Complete();
            case BLOCKED_BY_FAILURES -> new FinalizationDecision.Fail();
            case HAS_READY_STEPS -> new FinalizationDecision.Reenqueue(Duration.ZERO, "ready_steps_available");
            case PROCESSING -> new FinalizationDecision.Reenqueue(processingDelay, "steps_in_progress");
            case WAITING_FOR_DEPENDENCIES -> context.nextRetryAt() == null
                    ? new FinalizationDecision.Reenqueue(waitingDelay, "awaiting_dependencies")
                    : new FinalizationDecision.Reenqueue(untilRetry(context.nextRetryAt(), now), "retry_backoff");
        };
    }

    private Duration untilRetry(Instant nextRetryAt, Instant now) {
        Duration remaining = Duration.between(now, nextRetryAt);
        Duration delay = (remaining.isNegative() ? Duration.ZERO : remaining).plus(retryBuffer);
        return delay.compareTo(maximumBackoff) > 0 ? maximumBackoff : delay;
    }
}
