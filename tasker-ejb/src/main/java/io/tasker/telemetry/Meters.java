package io.tasker.telemetry;

import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Where the engine's metrics go: the application server's metrics facility, whichever it offers
 * ({@link MetersProducer} picks it at boot). Names are Prometheus's without their suffixes: a counter
 * {@code tasker_tasks_submitted} is served as {@code tasker_tasks_submitted_total}, a timer {@code tasker_task_pass} as
 * the histogram {@code tasker_task_pass_seconds}. Labels come from the deployment (templates, queues, subscribers),
 * never from a request.
 */
public interface Meters {

    /** A counter of events. */
    Counter counter(String name, String description, Map<String, String> labels);

    /** A histogram of durations, served in seconds. */
    Timer timer(String name, String description, Map<String, String> labels);

    /** A value read when the metrics are read; {@code seconds} names a duration (served with its unit). */
    void gauge(String name, String description, boolean seconds, Map<String, String> labels, DoubleSupplier reading);

    /** Adds one. */
    @FunctionalInterface
    interface Counter {
        void increment();
    }

    /** Records one duration, never a negative one (the engine makes those zero). */
    @FunctionalInterface
    interface Timer {
        void record(Duration duration);
    }
}
