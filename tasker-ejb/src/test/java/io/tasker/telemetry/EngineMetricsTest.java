package io.tasker.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {

    @Test
    void aWaitMeasuredBelowZeroAcrossClocksIsRecordedAsZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EngineMetrics metrics = new EngineMetrics();
        metrics.meters = new MicrometerMeters(registry);
        metrics.registerNodeSeries(null);

        metrics.messageWaited(Duration.ofMillis(40));
        metrics.messageWaited(Duration.ofMillis(-5));

        Timer wait = registry.get("tasker_queue_wait").timer();
        assertEquals(2, wait.count());
        assertEquals(40, wait.totalTime(TimeUnit.MILLISECONDS), 0.001);
        assertEquals(40, wait.max(TimeUnit.MILLISECONDS), 0.001);
    }
}
