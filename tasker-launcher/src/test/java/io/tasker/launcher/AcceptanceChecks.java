package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Tasker does wherever it is deployed, checked over its API alone: the embedded default passes them
 * ({@code AcceptanceIT}, and {@code RetryIT} builds on two), and so does the EAR on each application server
 * ({@code PayaraServerIT}, {@code WildFlyIT}). The examples' workflows must be deployed.
 */
final class AcceptanceChecks {

    /** Where a server answers readiness, and the checks a ready answer must name to count. */
    record Readiness(URI uri, List<String> checks) {

        /** Tasker's own checks at the server's {@code /health/ready}, as Payara serves them. */
        static Readiness ofTasker(URI serverRoot) {
            return new Readiness(serverRoot.resolve("/health/ready"), List.of("database", "broker", "node"));
        }
    }

    /** Reads a node's metrics, wherever its server serves them. */
    @FunctionalInterface
    interface MetricsSource {
        Metrics scrape() throws IOException, InterruptedException;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Map<String, String> DIAMOND_SERIES = Map.of("namespace", "examples",
            "task", "diamond_workflow", "version", "1.0.0");

    private AcceptanceChecks() {
    }

    /** Every check, in the order a user meets them: ready, work done, failures handled, all counted. */
    static void all(Readiness readiness, TaskerClient client, MetricsSource metrics) throws Exception {
        readyMeansServing(readiness, client, WITHIN);
        Metrics before = metrics.scrape();
        long diamond = client.createTask("""
                {"name": "diamond_workflow", "namespace": "examples", "context": {}}""");
        assertEquals("complete", client.awaitFinished(diamond, WITHIN).getString("status"));
        diamondIsListed(client, diamond);
        retriedStepCompletes(client);
        permanentFailureEndsTheTaskInError(client);
        // Three diamonds submitted since the scrape before; two completed (the one that failed for good did not).
        diamondsAreCounted(metrics, before, 3, 2);
        dashboardIsServed(client.api());
    }

    /** Every check on a node that serves Tasker's readiness and metrics as Payara does. */
    static void all(URI serverRoot, TaskerClient client) throws Exception {
        all(Readiness.ofTasker(serverRoot), client, () -> Metrics.scrape(client));
    }

    /**
     * Polls the readiness endpoint until it answers 200 with the expected checks in it, then creates a task at once:
     * a ready answer means an API that accepts work.
     */
    static void readyMeansServing(Readiness expected, TaskerClient client, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest readiness = HttpRequest.newBuilder(expected.uri()).timeout(Duration.ofSeconds(5)).build();
        String answer = "no answer";
        while (true) {
            assertTrue(Instant.now().isBefore(deadline), "never ready with Tasker's checks; last: " + answer);
            try {
                HttpResponse<String> ready = HTTP.send(readiness, HttpResponse.BodyHandlers.ofString());
                answer = ready.statusCode() + " " + ready.body();
                if (ready.statusCode() == 200 && HealthReport.hasChecks(ready.body(), expected.checks())) {
                    break;
                }
            } catch (IOException notListening) {
                answer = notListening.toString();
            }
            Thread.sleep(200);
        }
        TaskerClient.Reply created = client.post("/tasks", """
                {"name": "linear_workflow", "namespace": "examples", "context": {}}""");
        assertEquals(201, created.status(), "created once ready (" + answer + "): " + created.body());
    }

    /** The list of the examples' diamonds, as a task list shows it, holds the one that completed. */
    static void diamondIsListed(TaskerClient client, long taskId) {
        TaskerClient.Reply listed = client.get("/tasks?namespace=examples&name=diamond_workflow&status=complete");
        assertEquals(200, listed.status(), String.valueOf(listed.body()));
        assertTrue(listed.json().getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .anyMatch(task -> task.getJsonNumber("task_id").longValue() == taskId), listed.body().toString());
    }

    /** A diamond whose branch fails twice completes, that step on its third attempt and every other on its first. */
    static long retriedStepCompletes(TaskerClient client) throws InterruptedException {
        long taskId = client.createTask("""
                {"name": "diamond_workflow", "namespace": "examples", "version": "1.0.0",
                 "context": {"fail_times": {"branch_one_process": 2}}}""");

        JsonObject task = client.awaitFinished(taskId, WITHIN);

        assertEquals("complete", task.getString("status"), task.toString());
        Map<String, Integer> attempts = task.getJsonArray("workflow_steps").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(step -> step.getString("name"), step -> step.getInt("attempts")));
        assertEquals(3, attempts.remove("branch_one_process"));
        attempts.forEach((step, count) -> assertEquals(1, count, step));
        return taskId;
    }

    /** A step that throws {@code PermanentException} runs once: the task ends in error, the steps after it wait. */
    static long permanentFailureEndsTheTaskInError(TaskerClient client) throws InterruptedException {
        long taskId = client.createTask("""
                {"name": "diamond_workflow", "namespace": "examples", "version": "1.0.0",
                 "context": {"fail_permanently": ["merge_branches"]}}""");

        JsonObject task = client.awaitFinished(taskId, WITHIN);

        assertEquals("error", task.getString("status"), task.toString());
        JsonObject merge = step(task, "merge_branches");
        assertEquals("error", merge.getString("status"));
        assertEquals(1, merge.getInt("attempts"));
        assertFalse(merge.getBoolean("retryable"));
        assertEquals("io.tasker.api.PermanentException", merge.getJsonObject("results").getString("error_class"));
        assertEquals("SCRIPTED", merge.getJsonObject("results").getString("error_code"));
        assertEquals("pending", step(task, "end_workflow").getString("status"));
        return taskId;
    }

    /**
     * The dashboard's pages are served under the API, with their security policy, and nothing else is (DashboardIT
     * drives them in a browser).
     */
    static void dashboardIsServed(URI api) throws Exception {
        for (Map.Entry<String, String> file : Map.of("/ui/", "text/html", "/ui/app.js", "text/javascript",
                "/ui/vendor/mermaid/mermaid.min.js", "text/javascript").entrySet()) {
            HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(URI.create(api + file.getKey())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, served.statusCode(), file.getKey());
            assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith(file.getValue()),
                    file.getKey() + ": " + served.headers().map());
            String policy = served.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self'"), file.getKey() + ": " + served.headers().map());
        }
        // Refused as not found, or by the server as a bad path.
        for (String outside : List.of("/ui/web.xml", "/ui/..%2Fweb.xml", "/ui/%2e%2e/web.xml")) {
            int status = HTTP.send(HttpRequest.newBuilder(URI.create(api + outside)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertTrue(status == 404 || status == 400, outside + " answered " + status);
        }
    }

    /** The node's metrics count the diamonds submitted and completed since {@code before}, once each. */
    static void diamondsAreCounted(MetricsSource metrics, Metrics before, int submitted, int completed)
            throws Exception {
        Metrics after = metrics.scrape();
        for (Map.Entry<String, Integer> counter : Map.of("tasker_tasks_submitted_total", submitted,
                "tasker_tasks_completed_total", completed).entrySet()) {
            double counted = after.sum(counter.getKey(), DIAMOND_SERIES)
                    - before.sum(counter.getKey(), DIAMOND_SERIES);
            assertEquals(counter.getValue().doubleValue(), counted, () -> counter.getKey()
                    + " of the examples' diamond, among " + after.names("tasker"));
        }
    }

    static JsonObject step(JsonObject task, String name) {
        return task.getJsonArray("workflow_steps").getValuesAs(JsonObject.class).stream()
                .filter(step -> step.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + task));
    }
}
