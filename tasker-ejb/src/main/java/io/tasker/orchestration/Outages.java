package io.tasker.orchestration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs the orchestrator's own database work again while the database is unavailable (a restart, a failover), with
 * a growing wait, for at most a lease: past that the pass's claims are lost anyway.
 */
final class Outages {

    /** Waits, the way the caller's thread should. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(Outages.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(4);

    private final Predicate<Throwable> infrastructureFailure;
    private final Duration giveUpAfter;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param infrastructureFailure whether a failure is the infrastructure's (worth waiting out) rather than a bug
     * @param giveUpAfter how long to keep trying
     */
    Outages(Predicate<Throwable> infrastructureFailure, Duration giveUpAfter, Clock clock, Sleeper sleeper) {
        this.infrastructureFailure = infrastructureFailure;
        this.giveUpAfter = giveUpAfter;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    boolean isInfrastructureFailure(Throwable failure) {
        return infrastructureFailure.test(failure);
    }

    /** Runs the work, again while it fails on the infrastructure; {@code onRetry} runs before each retry. */
    <T> T retryWhileUnavailable(Supplier<T> work, Runnable onRetry) {
        Instant giveUp = clock.instant().plus(giveUpAfter);
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!infrastructureFailure.test(e) || clock.instant().plus(wait).isAfter(giveUp)) {
                    throw e;
                }
                onRetry.run();
                LOG.warning(() -> "TASKER-ORCH-005 database unavailable (" + e + "); retrying");
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
