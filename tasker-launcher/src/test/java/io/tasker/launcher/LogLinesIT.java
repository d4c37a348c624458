package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerClient.Reply;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine's JSON log lines (the test node runs with {@code TASKER_LOG_FORMAT=json}) and the correlation id that
 * ties a request, its task and every line logged about it together.
 */
@ExtendWith(TaskerStackExtension.class)
class LogLinesIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String HEADER = "X-Correlation-ID";

    @Test
    void everyLineLoggedWhileATaskIsProcessedCarriesTheCorrelationIdOfTheRequestThatCreatedIt(RunningStack stack)
            throws Exception {
        String correlationId = "order-" + UUID.randomUUID();
        Reply created = stack.client().post("/tasks", """
                {"namespace": "examples", "name": "linear_workflow",
                 "context": {"fail_times": {"process_data": 2}}}""",
                Map.of("Content-Type", "application/json", HEADER, correlationId));
        assertEquals(201, created.status(), String.valueOf(created.body()));
        assertEquals(correlationId, created.headers().firstValue(HEADER).orElse(null));
        assertEquals(correlationId, created.json().getString("correlation_id"));
        long taskId = created.json().getJsonNumber("task_id").longValue();
        assertEquals("complete", stack.client().awaitFinished(taskId, WITHIN).getString("status"));

        List<JsonObject> lines = awaitLinesOfTask(stack.stack().node().logFile(), taskId, 2);
        for (JsonObject line : lines) {
            assertEquals(correlationId, line.getString("correlation_id", null), line.toString());
            for (String field : List.of("timestamp", "level", "message", "node", "logger")) {
                assertTrue(line.containsKey(field), field + " missing from " + line);
            }
        }
        List<JsonObject> failures = lines.stream()
                .filter(line -> "TASKER-STEP-001".equals(line.getString("code", null)))
                .toList();
        assertEquals(List.of(1, 2), failures.stream().map(line -> line.getInt("attempt")).toList(),
                "a line for each failed attempt: " + lines);
        assertTrue(failures.stream().allMatch(line -> line.containsKey("step_id")), failures.toString());
    }

    @Test
    void withoutTheHeaderOneIsGeneratedAndAnInvalidOneIsRefused(RunningStack stack) {
        Reply created = stack.client().post("/tasks", """
                {"namespace": "examples", "name": "linear_workflow", "context": {}}""");
        String generated = created.headers().firstValue(HEADER).orElseThrow();
        assertEquals(generated, created.json().getString("correlation_id"));
        assertTrue(stack.client().get("/tasks?limit=1").headers().firstValue(HEADER).isPresent(),
                "every response carries one");

        Reply refused = stack.client().post("/tasks", """
                {"namespace": "examples", "name": "linear_workflow", "context": {}}""",
                Map.of("Content-Type", "application/json", HEADER, "has spaces and ;"));
        assertEquals(400, refused.status());
        assertEquals(HEADER, refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aTaskRequestedOverJmsKeepsTheCorrelationIdOfItsMessage(RunningStack stack) throws Exception {
        String correlationId = "jms-" + UUID.randomUUID();
        try (BrokerClient broker = stack.brokerClient()) {
            Message reply = broker.request(BrokerClient.TASK_REQUESTS, """
                    {"name": "linear_workflow", "namespace": "examples", "context": {}}""",
                    Map.of("correlation_id", correlationId), "reply-" + correlationId, WITHIN);
            assertNotNull(reply, "answered");
            long taskId = Json.createReader(new StringReader(reply.getBody(String.class))).readObject()
                    .getJsonNumber("task_id").longValue();
            assertEquals(correlationId, stack.client().get("/tasks/" + taskId).json().getString("correlation_id"));
        }
    }

    // The JSON lines of the node's log that name the task, once there are at least this many.
    private static List<JsonObject> awaitLinesOfTask(Path log, long taskId, int atLeast) throws Exception {
        Instant deadline = Instant.now().plus(WITHIN);
        while (true) {
            List<JsonObject> lines = JsonLogs.read(log).stream()
                    .filter(line -> line.containsKey("task_id") && line.getJsonNumber("task_id").longValue() == taskId)
                    .toList();
            if (lines.size() >= atLeast) {
                return lines;
            }
            assertFalse(Instant.now().isAfter(deadline), "task " + taskId + " logged " + lines);
            Thread.sleep(100);
        }
    }
}
