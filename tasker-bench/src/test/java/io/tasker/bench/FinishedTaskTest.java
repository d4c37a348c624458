package io.tasker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FinishedTaskTest {

    @Test
    void readsTheServersTimestampsAndAttempts() {
        FinishedTask task = FinishedTask.of(task("complete", "2026-11-25T10:00:00.100Z", 3));

        assertEquals(Duration.ofMillis(1400), task.latency());
        assertEquals(Optional.of(Instant.parse("2026-11-25T10:00:00.200Z")), task.firstStepDone());
        assertEquals(List.of(), task.deviationsFrom(Workload.W4));
    }

    @Test
    void namesEveryDeviationFromTheScript() {
        assertEquals(List.of("task 7 ended error", "task 7 step s2: 1 attempts, expected 3"),
                FinishedTask.of(task("error", null, 1)).deviationsFrom(Workload.W4));
    }

    private static JsonObject task(String status, String firstProcessed, int middleAttempts) {
        String completed = status.equals("complete") ? "\"2026-11-25T10:00:01.500Z\"" : "null";
        String processed = firstProcessed == null ? "null" : "\"" + firstProcessed.replace(".100", ".200") + "\"";
        return Json.createReader(new StringReader("""
                {"task_id": 7, "status": "%s", "created_at": "2026-11-25T10:00:00.100Z", "completed_at": %s,
                 "workflow_steps": [
                   {"name": "s1", "attempts": 1, "processed_at": %s},
                   {"name": "s2", "attempts": %d, "processed_at": null},
                   {"name": "s3", "attempts": 1, "processed_at": null}]}""".formatted(status, completed, processed,
                middleAttempts))).readObject();
    }
}
