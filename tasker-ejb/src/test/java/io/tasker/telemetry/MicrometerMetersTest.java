package io.tasker.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMeters meters = new MicrometerMeters(registry);

    @Test
    void aCounterCountsUnderItsNameAndLabels() {
        Meters.Counter completed = meters.counter("tasker_tasks_completed", "Tasks completed",
                Map.of("namespace", "a"));

        completed.increment();
        completed.increment();

        assertEquals(2, registry.get("tasker_tasks_completed").tag("namespace", "a").counter().count());
    }

    @Test
    void aTimerRecordsDurations() {
        Meters.Timer pass = meters.timer("tasker_task_pass", "A pass", Map.of());

        pass.record(Duration.ofMillis(40));
        pass.record(Duration.ofMillis(10));

        io.micrometer.core.instrument.Timer timer = registry.get("tasker_task_pass").timer();
        assertEquals(2, timer.count());
        assertEquals(50, timer.totalTime(TimeUnit.MILLISECONDS), 0.001);
    }

    @Test
    void aGaugeOfSecondsCarriesItsUnitInItsNameAndKeepsItsReading() {
        meters.gauge("tasker_oldest_pending_task_age", "Age", true, Map.of(), () -> 7.5);
        meters.gauge("tasker_queue_messages", "Messages", false, Map.of("queue", "q"), () -> 3);
        // The registry holds a reading weakly: the meters keep it.
        System.gc();

        assertEquals(7.5, registry.get("tasker_oldest_pending_task_age_seconds").gauge().value());
        assertEquals(3, registry.get("tasker_queue_messages").tag("queue", "q").gauge().value());
    }

    @Test
    void theTaskCountersAndTheTaskGaugeKeepTheirNamesInPrometheusFormat() {
        // WildFly serves Micrometer's Prometheus registry, whose format refuses some names (a counter ending in
        // "_created" clashed with the gauge tasker_tasks and was dropped).
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerMeters served = new MicrometerMeters(prometheus);
        served.gauge("tasker_tasks", "Tasks in each state", false, Map.of("status", "complete"), () -> 1);
        List<String> counters = List.of("tasker_tasks_submitted", "tasker_tasks_completed", "tasker_tasks_failed",
                "tasker_tasks_cancelled");
        counters.forEach(name -> served.counter(name, name, Map.of("namespace", "a")).increment());

        String scrape = prometheus.scrape();
        assertTrue(scrape.contains("tasker_tasks{status=\"complete\"} 1"), scrape);
        counters.forEach(name -> assertTrue(scrape.contains(name + "_total{namespace=\"a\"} 1"), scrape));
    }
}
