package io.tasker.retry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long a step waits after a failed attempt before it may run again.
 *
 * <p>After the n-th failed attempt the wait is the n-th value of the configured progression (default
 * 1, 2, 4, 8, 16, 32 s); beyond the progression it is n^multiplier seconds. It is capped at the maximum back-off,
 * then, with jitter on, moved by a uniformly random amount of up to ± the jitter fraction of itself (never below
 * zero, never above the cap). A retry-after the handler asked for replaces all of that, capped at the maximum.
 */
public final class BackoffPolicy {

    private final List<Duration> progression;
    private final double multiplier;
    private final Duration maximum;
    private final double jitterFraction;
    private final RandomGenerator random;

    /**
     * @param progression waits after the 1st, 2nd, ... failed attempt; not empty
     * @param multiplier exponent for attempts beyond the progression; at least 1
     * @param maximum cap of every wait; positive
     * @param jitterFraction 0 for none, at most 1
     */
    public BackoffPolicy(List<Duration> progression, double multiplier, Duration maximum, double jitterFraction,
                         RandomGenerator random) {
        if (progression.isEmpty() || progression.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("the back-off progression needs at least one non-negative value");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("the back-off multiplier must be at least 1, got " + multiplier);
        }
        if (maximum.isNegative() || maximum.isZero()) {
            throw new IllegalArgumentException("the maximum back-off must be positive, got " + maximum);
        }
        if (jitterFraction < 0 || jitterFraction > 1) {
            throw new IllegalArgumentException("the jitter fraction must be within [0, 1], got " + jitterFraction);
        }
        this.progression = List.copyOf(progression);
        this.multiplier = multiplier;
        this.maximum = maximum;
        this.jitterFraction = jitterFraction;
        this.random = random;
    }

    /**
     * The wait after a failed attempt.
     *
     * @param failedAttempt which attempt failed, 1 for the first
     * @param retryAfter the wait the handler asked for, if any
     */
    public Duration delayAfter(int failedAttempt, Optional<Duration> retryAfter) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1, got " + failedAttempt);
        }
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), maximum);
        }
        Duration base = min(scheduled(failedAttempt), maximum);
        return jitterFraction == 0 ? base : jittered(base);
    }

    private Duration scheduled(int failedAttempt) {
        if (failedAttempt <= progression.size()) {
            return progression.get(failedAttempt - 1);
        }
        double seconds = Math.floor(Math.pow(failedAttempt, multiplier));
        return seconds >= maximum.toSeconds() ? maximum : Duration.ofSeconds((long) seconds);
    }

    private Duration jittered(Duration base) {
        long range = Math.round(base.toMillis() * jitterFraction);
        if (range == 0) {
            return base;
        }
        long shifted = base.toMillis() + random.nextLong(-range, range + 1);
        return Duration.ofMillis(Math.max(0, Math.min(shifted, maximum.toMillis())));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
