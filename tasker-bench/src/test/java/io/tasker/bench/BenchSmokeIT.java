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
 * A smoke run of {@code ./tasker bench --compare db-scheduler} on the embedded default, small enough for CI: every
 * workload and the backlog run on Tasker and on the peer and the latency figure on Tasker, every workflow completes
 * as scripted on both, and each result line has the documented fields.
 */
class BenchSmokeIT {

    @Test
    void everyWorkloadRunsAndReports() throws Exception {
        Path out = Path.of("target/bench-smoke.jsonl");
        Files.deleteIfExists(out);

        int exit = BenchMain.run("--workload", "all", "--n", "20", "--warmup", "5", "--latency-n", "10",
                "--backlog-n", "30",
                "--history", "500", "--task-history", "1000", "--compare", "db-scheduler", "--out", out.toString(),
                "--data-dir", "target/bench-data");

        assertEquals(0, exit);
        List<JsonObject> all = Files.readAllLines(out).stream()
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
        List<JsonObject> backlogs = all.stream().filter(line -> "backlog".equals(line.getString("workload")))
                .toList();
        List<JsonObject> lines = bySystem(all, "tasker").stream().filter(line -> !backlogs.contains(line)).toList();
        List<JsonObject> peer = bySystem(all, "db-scheduler").stream().filter(line -> !backlogs.contains(line))
                .toList();
        List<JsonObject> ratios = bySystem(all, "tasker/db-scheduler");
        assertEquals(List.of("W1", "W2", "W3", "W4"), peer.stream().map(line -> line.getString("workload")).toList());
        assertEquals(List.of("W1", "W2", "W3", "W4"), ratios.stream().map(line -> line.getString("workload"))
                .toList());
        for (JsonObject ratio : ratios) {
            assertTrue(ratio.getJsonNumber("steps_per_s_ratio").doubleValue() > 0, ratio.toString());
            assertTrue(ratio.getJsonNumber("cpu_per_workflow_ratio").doubleValue() > 0, ratio.toString());
        }
        for (JsonObject line : all.stream().filter(line -> line.getString("workload").matches("W[1-4]"))
                .filter(line -> line.containsKey("n")).toList()) {
            assertTrue(line.getJsonNumber("cpu_ms_per_workflow").doubleValue() > 0, "the machine's CPU: " + line);
        }
        assertTrue(peer.get(3).getJsonNumber("p50_ms").doubleValue() >= 2000,
                "the peer's W4 waits 1 s before each of its two retries too: " + peer.get(3));
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
        assertEquals(List.of("tasker", "db-scheduler"), backlogs.stream().map(line -> line.getString("system"))
                .toList());
        for (JsonObject backlog : backlogs) {
            assertEquals(30, backlog.getInt("n"));
            for (String field : List.of("steps_per_s", "p50_ms", "p99_ms", "first_step_wait_p50_ms",
                    "first_step_wait_p99_ms", "next_step_wait_p50_ms", "next_step_wait_p99_ms",
                    "next_step_wait_max_ms")) {
                assertTrue(backlog.getJsonNumber(field).doubleValue() >= 0, field + " in " + backlog);
            }
            assertTrue(backlog.getJsonNumber("p99_ms").doubleValue()
                    >= backlog.getJsonNumber("first_step_wait_p99_ms").doubleValue(), backlog.toString());
        }
    }

    private static List<JsonObject> bySystem(List<JsonObject> lines, String system) {
        return lines.stream().filter(line -> system.equals(line.getString("system"))).toList();
    }
}
