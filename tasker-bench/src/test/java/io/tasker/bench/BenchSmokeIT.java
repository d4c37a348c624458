package io.tasker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of {@code ./tasker bench} on the embedded default, small enough for CI: every workload and the latency
 * figure run, every workflow completes as scripted, and each result line has the documented fields.
 */
class BenchSmokeIT {

    @Test
    void everyWorkloadRunsAndReports() throws Exception {
        Path out = Path.of("target/bench-smoke.jsonl");
        Files.deleteIfExists(out);

        int exit = BenchMain.run("--workload", "all", "--n", "20", "--warmup", "5", "--latency-n", "10",
                "--history", "500", "--task-history", "1000", "--out", out.toString(), "--data-dir",
                "target/bench-data");

        assertEquals(0, exit);
        List<JsonObject> lines = Files.readAllLines(out).stream()
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
        assertEquals(List.of("W1", "W2", "W3", "W4", "latency", "list_complete", "list_error", "list_page_2"),
                lines.stream().map(line -> line.getString("workload")).toList());
        for (JsonObject line : lines) {
            for (String field : List.of("n", "wall_s", "workflows_per_s", "steps_per_s", "p50_ms", "p95_ms",
                    "p99_ms", "rss_mb")) {
                assertTrue(line.containsKey(field) && !line.isNull(field), field + " in " + line);
            }
            boolean list = line.getString("workload").startsWith("list_");
            assertEquals(list, line.isNull("first_step_s"), "a list runs no step: " + line);
            assertEquals("on", line.getString("fsync"));
            assertEquals(500, line.getInt("history_steps"));
            assertEquals(1000, line.getInt("history_tasks"));
        }
        assertTrue(lines.get(3).getJsonNumber("p50_ms").doubleValue() >= 2000,
                "W4 waits 1 s before each of its two retries: " + lines.get(3));
    }
}
