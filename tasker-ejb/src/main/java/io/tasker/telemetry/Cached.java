package io.tasker.telemetry;

import java.time.Duration;
import java.util.function.Supplier;

/** A value read again only once the last reading is older than its period; a failed reading is not kept. */
final class Cached<T> {

    private final Supplier<T> source;
    private final Supplier<Duration> period;
    private T last;
    private long readAt;

    Cached(Supplier<T> source, Supplier<Duration> period) {
        this.source = source;
        this.period = period;
    }

    synchronized T get() {
        long now = System.nanoTime();
        if (last == null || now - readAt >= period.get().toNanos()) {
            last = source.get();
            readAt = now;
        }
        return last;
    }
}
