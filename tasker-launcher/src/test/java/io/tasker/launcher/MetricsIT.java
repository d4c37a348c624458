package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine's metrics at {@code /tasker/metrics}: each state change is counted once, when it commits, so a scripted
 * mix of outcomes gives exact counts that agree with the database; a request for an unknown template creates no
 * series.
 */
@ExtendWith(TaskerStackExtension.class)
class MetricsIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Map<String, String> COUNTED = Map.of("namespace", "it", "task", "counted_workflow",
            "version", "1.0.0");

    @Test
    void aScriptedMixIsCountedExactlyAsTheDatabaseRecordsIt(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        Metrics before = Metrics.scrape(client);

        long succeeds = create(client, "{}");
        long retriedTwice = create(client, "{\"fail_times\": {\"work\": 2}}");
        long failsThenResolved = create(client, "{\"fail_permanently\": [\"work\"]}");
        long waitsThenCancelled = create(client,
                "{\"fail_times\": {\"prepare\": 1}, \"retry_after_ms\": {\"prepare\": 60000}}");
        long timesOut = create(client, "{\"sleep_ms\": {\"work\": 3000}}");
        long cancelledWhileRunning = create(client, "{\"sleep_ms\": {\"prepare\": 3000}}");
        assertEquals(404, client.post("/tasks", """
                {"namespace": "it", "name": "no_such_task", "context": {}}""").status());
        // A task of another template whose events the examples' ledger refuses: its failures get a series.
        assertEquals(201, client.post("/tasks", """
                {"name": "linear_workflow", "namespace": "examples", "context": {}}""", Map.of("Content-Type",
                "application/json", "X-Correlation-ID", "ledger-throws-metrics-" + System.nanoTime())).status());

        client.awaitStepStatus(failsThenResolved, "work", "error", WITHIN);
        assertEquals("error", client.awaitFinished(failsThenResolved, WITHIN).getString("status"));
        assertEquals(200, client.post("/tasks/" + failsThenResolved + "/workflow_steps/"
                + stepId(client, failsThenResolved, "work") + "/resolve", "{\"results\": {}}").status());
        client.awaitStepStatus(waitsThenCancelled, "prepare", "error", WITHIN);
        assertEquals(200, client.delete("/tasks/" + waitsThenCancelled).status());
        // Its first step is running: it ends after the cancel, and its success is refused and rolled back.
        client.awaitStepStatus(cancelledWhileRunning, "prepare", "in_progress", WITHIN);
        assertEquals(200, client.delete("/tasks/" + cancelledWhileRunning).status());
        List<Long> tasks = List.of(succeeds, retriedTwice, failsThenResolved, waitsThenCancelled, timesOut,
                cancelledWhileRunning);
        for (long task : tasks) {
            client.awaitFinished(task, WITHIN);
        }
        // Every handler has returned (an abandoned or refused attempt ends after its task did).
        Map<String, Double> executions = Map.of("prepare", 6.0, "work", 8.0, "report", 3.0);
        Metrics after = awaitExecutions(client, before, executions);

        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("tasker_tasks_submitted_total", 6.0);
        expected.put("tasker_tasks_completed_total", 3.0);
        expected.put("tasker_tasks_failed_total", 2.0);
        expected.put("tasker_tasks_cancelled_total", 2.0);
        expected.put("tasker_task_duration_seconds_count", 7.0);
        expected.put("prepare succeeded", 4.0);
        expected.put("prepare retryable_failure", 1.0);
        expected.put("work succeeded", 2.0);
        expected.put("work retryable_failure", 2.0);
        expected.put("work permanent_failure", 1.0);
        expected.put("work timed_out", 3.0);
        expected.put("report succeeded", 3.0);
        expected.put("tasker_step_retries_total", 4.0);
        expected.put("work tasker_step_retries_total", 4.0);
        expected.put("tasker_steps_resolved_manually_total", 1.0);
        Map<String, Double> counted = new LinkedHashMap<>();
        for (String key : expected.keySet()) {
            counted.put(key, delta(before, after, key));
        }
        assertEquals(expected, counted, "the counters' changes over the mix");

        assertEquals(Database.stepAttemptEndsOf(stack.database(), tasks),
                (int) (delta(before, after, "tasker_step_attempts_total")),
                "attempts counted = attempts the database recorded as ended (complete or error)");
        assertFalse(after.hasLabelValue("task", "no_such_task"), "an unknown template got a series");
        for (String gauge : List.of("tasker_tasks", "tasker_steps", "tasker_step_retries_waiting",
                "tasker_step_attempts_running", "tasker_queue_messages", "tasker_queue_wait_seconds_bucket",
                "tasker_task_pass_seconds_bucket", "tasker_step_execution_seconds_bucket")) {
            assertTrue(after.has(gauge), gauge + " is missing from /tasker/metrics");
        }
        assertEquals(before.sum("tasker_queue_messages", Map.of("queue", "DLQ")),
                after.sum("tasker_queue_messages", Map.of("queue", "DLQ")), "nothing dead-lettered by the mix");
        assertDocumentedAsServed(awaitSeries(client, "tasker_event_subscriber_failures_total"));
    }

    // docs/observability.md lists every engine series the node serves, and nothing else; the dashboard and the
    // alerts there query only series it serves.
    private static void assertDocumentedAsServed(Metrics served) throws Exception {
        String guide = Files.readString(Path.of("../docs/observability.md"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(tasker_[a-z_]+)` \\|").matcher(guide);
        while (row.find()) {
            documented.add(row.group(1));
        }
        Set<String> families = new TreeSet<>();
        for (String name : served.names("tasker_")) {
            families.add(name.replaceFirst("_(bucket|count|sum|max|mean)$", ""));
        }
        assertEquals(families, documented, "the metrics tables of docs/observability.md");
        String queries = guide + Files.readString(Path.of("../docs/grafana/tasker-dashboard.json"));
        Matcher used = Pattern.compile("\\b(tasker_[a-z_]+)(?=[{\\[)\\s])").matcher(queries);
        while (used.find()) {
            assertTrue(served.has(used.group(1)) || documented.contains(used.group(1)),
                    "the docs query " + used.group(1) + ", which /tasker/metrics does not serve");
        }
    }

    // A key is a metric name, or "<step> <outcome>" for tasker_step_attempts_total, or "<step> <metric name>".
    private static double delta(Metrics before, Metrics after, String key) {
        String[] parts = key.split(" ");
        Map<String, String> labels = new HashMap<>(COUNTED);
        String name = parts[parts.length - 1];
        if (parts.length == 2) {
            labels.put("step", parts[0]);
            if (!name.startsWith("tasker_")) {
                labels.put("outcome", name);
                name = "tasker_step_attempts_total";
            }
        }
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static Metrics awaitSeries(TaskerClient client, String name) throws Exception {
        Instant deadline = Instant.now().plus(WITHIN);
        Metrics now = Metrics.scrape(client);
        while (!now.has(name)) {
            assertTrue(Instant.now().isBefore(deadline), name + " never served");
            Thread.sleep(100);
            now = Metrics.scrape(client);
        }
        return now;
    }

    private static Metrics awaitExecutions(TaskerClient client, Metrics before, Map<String, Double> executions)
            throws Exception {
        Instant deadline = Instant.now().plus(WITHIN);
        while (true) {
            Metrics now = Metrics.scrape(client);
            if (executions.entrySet().stream().allMatch(step -> delta(before, now,
                    step.getKey() + " tasker_step_execution_seconds_count") >= step.getValue())) {
                return now;
            }
            assertTrue(Instant.now().isBefore(deadline), "handlers still running: " + executions);
            Thread.sleep(100);
        }
    }

    private static long create(TaskerClient client, String context) {
        return client.createTask("""
                {"namespace": "it", "name": "counted_workflow", "context": %s}""".formatted(context));
    }

    private static long stepId(TaskerClient client, long taskId, String step) {
        return AcceptanceChecks.step(client.get("/tasks/" + taskId).json(), step).getJsonNumber("workflow_step_id")
                .longValue();
    }
}
