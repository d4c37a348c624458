package io.tasker.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMeters meters = new MicrometerMeters(registry);

    @Test
    void aCounterCountsUnderItsNameAndLabels() {
        Meters.Counter created = meters.counter("tasker_tasks_created", "Tasks created", Map.of("namespace", "a"));

        created.increment();
        created.increment();

        assertEquals(2, registry.get("tasker_tasks_created").tag("namespace", "a").counter().count());
    }

    @Test
    void aTimerRecordsDurationsAndANegativeOneAsZero() {
        Meters.Timer pass = meters.timer("tasker_task_pass", "A pass", Map.of());

        pass.record(Duration.ofMillis(40));
        pass.record(Duration.ofMillis(-5));

        io.micrometer.core.instrument.Timer timer = registry.get("tasker_task_pass").timer();
        assertEquals(2, timer.count());
        assertEquals(40, timer.totalTime(TimeUnit.MILLISECONDS), 0.001);
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
}
