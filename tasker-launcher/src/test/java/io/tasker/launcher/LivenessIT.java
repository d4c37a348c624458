package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /health/live} as an orchestrator's liveness probe uses it: a node whose step threads are all held by a
 * handler deaf to interrupts, while a step waits for one, answers 503 once the wait outlasts a step's lease (6 s
 * here), so it gets restarted; it answers 200 again when a thread frees. The node runs alone, with one step thread.
 */
@ExtendWith(TaskerStackExtension.class)
class LivenessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aNodeWhoseStepThreadsAreWedgedIsNotAliveUntilOneFrees(RunningStack stack) throws Exception {
        stack.restartNode(Map.of("TASKER_EXECUTION_STEP_THREADS", "1"));
        try {
            assertEquals(200, liveness(stack).status(), "before the wedge");
            // Both branches become ready together: one holds the only thread for 16 s, the other waits for it.
            long taskId = stack.client().createTask("""
                    {"name": "diamond_workflow", "namespace": "examples",
                     "context": {"stubborn_ms": {"branch_one_process": 16000}}}""");

            Probe wedged = awaitLiveness(stack, 503, Duration.ofSeconds(16));
            JsonObject engine = wedged.engineCheck();
            assertEquals("DOWN", engine.getString("status"), wedged.body());
            assertEquals(1, wedged.engineData("steps_waiting_for_a_thread"), wedged.body());
            assertEquals(1, wedged.engineData("step_handlers_running"), wedged.body());
            assertTrue(wedged.engineData("step_threads_stalled_ms") >= wedged.engineData("limit_ms"), wedged.body());

            Probe recovered = awaitLiveness(stack, 200, Duration.ofSeconds(20));
            assertEquals("UP", recovered.engineCheck().getString("status"), recovered.body());
            assertEquals("complete", stack.client().awaitFinished(taskId, Duration.ofSeconds(30)).getString("status"));
        } finally {
            stack.restartNode(Map.of());
        }
    }

    private record Probe(int status, String body) {

        JsonObject engineCheck() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                        .filter(check -> check.getString("name").equals("engine")).findFirst().orElseThrow();
            }
        }

        // MicroProfile Health reports a check's data as JSON strings, numbers included.
        long engineData(String key) {
            return Long.parseLong(engineCheck().getJsonObject("data").getString(key));
        }
    }

    private static Probe liveness(RunningStack stack) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                stack.client().api().resolve("/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        return new Probe(response.statusCode(), response.body());
    }

    // Polls the probe until it answers with the status; fails with the last answer past the deadline.
    private static Probe awaitLiveness(RunningStack stack, int status, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        Probe probe = liveness(stack);
        while (probe.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            probe = liveness(stack);
        }
        assertEquals(status, probe.status(), "the liveness probe within " + within + ": " + probe.body());
        return probe;
    }
}
