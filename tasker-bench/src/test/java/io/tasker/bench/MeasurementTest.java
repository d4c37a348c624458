package io.tasker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void percentilesAreNearestRank() {
        Percentiles percentiles = new Percentiles(IntStream.rangeClosed(1, 200).mapToObj(Duration::ofMillis).toList());

        assertEquals(100.0, percentiles.millis(50));
        assertEquals(190.0, percentiles.millis(95));
        assertEquals(198.0, percentiles.millis(99));
        assertEquals(7.0, new Percentiles(List.of(Duration.ofMillis(7))).millis(99));
    }

    @Test
    void aResultLineCarriesTheMeasuredFieldsAndTheEnvironment() {
        Measurement measurement = new Measurement("tasker", "W1", 1000, 5, 4.0, 12.34, 20, 30,
                OptionalDouble.of(0.0421), OptionalLong.of(512), OptionalDouble.of(8.456));

        JsonObject line = Json.createReader(new StringReader(measurement.toJsonLine(
                Json.createObjectBuilder().add("fsync", "on").build()))).readObject();

        assertEquals("tasker", line.getString("system"));
        assertEquals("W1", line.getString("workload"));
        assertEquals(1000, line.getInt("n"));
        assertEquals(250.0, line.getJsonNumber("workflows_per_s").doubleValue());
        assertEquals(1250.0, line.getJsonNumber("steps_per_s").doubleValue());
        assertEquals(12.3, line.getJsonNumber("p50_ms").doubleValue());
        assertEquals(0.042, line.getJsonNumber("first_step_s").doubleValue());
        assertEquals(512, line.getInt("rss_mb"));
        assertEquals(8.46, line.getJsonNumber("cpu_ms_per_workflow").doubleValue());
        assertEquals("on", line.getString("fsync"));
        assertEquals(List.of("system", "workload", "n", "wall_s", "workflows_per_s", "steps_per_s", "p50_ms", "p95_ms",
                "p99_ms", "first_step_s", "rss_mb", "cpu_ms_per_workflow", "fsync"), List.copyOf(line.keySet()));
    }
}
