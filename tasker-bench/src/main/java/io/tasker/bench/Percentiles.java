package io.tasker.bench;

import java.time.Duration;
import java.util.List;

/** Nearest-rank percentiles of a set of durations. */
public final class Percentiles {

    private final List<Duration> sorted;

    public Percentiles(List<Duration> durations) {
        if (durations.isEmpty()) {
            throw new IllegalArgumentException("percentiles of nothing");
        }
        this.sorted = durations.stream().sorted().toList();
    }

    /** The smallest value that at least {@code percent} % of the values do not exceed, in milliseconds. */
    public double millis(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is within (0, 100], got " + percent);
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(rank - 1).toNanos() / 1e6;
    }
}
