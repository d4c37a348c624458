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
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The size limits (the defaults: a request body of 1 MiB, a context and a step's results of 256 KiB): a larger
 * document is refused with 413 naming the limit before anything is stored, over HTTP and JMS alike; one within the
 * limits is stored and read back whole.
 */
@ExtendWith(TaskerStackExtension.class)
class RequestLimitsIT {

    private static final int REQUEST_LIMIT = 1_048_576;
    private static final int DOCUMENT_LIMIT = 262_144;
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void aBodyOverTheLimitIsRefusedWhetherDeclaredOrChunked(RunningStack stack) throws Exception {
        // The 50 MB context a user once sent: stored, and from then on every read of its task ran out of heap.
        assertTooLarge(stack.client().post("/tasks", taskRequest("x".repeat(50 * 1024 * 1024))), "body",
                "tasker.api.max-request-bytes");
        String huge = taskRequest("x".repeat(REQUEST_LIMIT));

        URI tasks = stack.client().api().resolve("/tasker/tasks");
        // No Content-Length: the node finds out while it reads.
        HttpRequest chunked = stack.client().authorized(HttpRequest.newBuilder(tasks))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("tasker.api.max-request-bytes"), response.body());

        // A client that waits for 100 Continue is answered before it sends anything.
        HttpRequest waiting = stack.client().authorized(HttpRequest.newBuilder(tasks))
                .header("Content-Type", "application/json")
                .version(HttpClient.Version.HTTP_1_1)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(huge))
                .build();
        HttpResponse<String> refused = HttpClient.newHttpClient().send(waiting, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, refused.statusCode(), refused.body());
        assertEquals("close", refused.headers().firstValue("Connection").orElse(""));
    }

    @Test
    void aContextOverItsLimitIsRefusedAndOneWithinItReadsBackWhole(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        assertTooLarge(client.post("/tasks", taskRequest("x".repeat(DOCUMENT_LIMIT))), "context",
                "tasker.task.max-context-bytes");

        String within = "y".repeat(DOCUMENT_LIMIT - 100);
        long taskId = client.createTask(taskRequest(within));
        JsonObject task = client.awaitFinished(taskId, WITHIN);
        assertEquals("complete", task.getString("status"));
        assertEquals(within, task.getJsonObject("context").getString("payload"));
        JsonObject listed = client.get("/tasks?namespace=examples&limit=1").json().getJsonArray("tasks")
                .getJsonObject(0);
        assertEquals(taskId, listed.getJsonNumber("task_id").longValue());
        assertFalse(listed.containsKey("context"), "a list leaves contexts out: " + listed.keySet());
    }

    @Test
    void resultsOverTheLimitFailTheStepOrAreRefusedToAnOperator(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"results_padding": {"initialize_data": %d}}}""".formatted(DOCUMENT_LIMIT));
        JsonObject task = client.awaitFinished(taskId, WITHIN);
        assertEquals("error", task.getString("status"));
        JsonObject step = AcceptanceChecks.step(task, "initialize_data");
        assertEquals("error", step.getString("status"));
        assertEquals(1, step.getInt("attempts"), "too large results are not retried: " + step);
        JsonObject error = step.getJsonObject("last_error");
        assertTrue(error.getString("message").contains("tasker.step.max-results-bytes"), error.toString());

        String stepPath = "/tasks/" + taskId + "/workflow_steps/" + step.getJsonNumber("workflow_step_id");
        assertTooLarge(client.post(stepPath + "/resolve", "{\"results\": {\"padding\": \"" + "z".repeat(
                DOCUMENT_LIMIT) + "\"}}"), "results", "tasker.step.max-results-bytes");
        assertEquals("error", client.get(stepPath).json().getString("status"), "nothing was stored");
    }

    @Test
    void aRequestMessageOverTheLimitIsAnsweredWith413AndParked(RunningStack stack) throws Exception {
        try (BrokerClient broker = stack.brokerClient()) {
            Message reply = broker.request(BrokerClient.TASK_REQUESTS, taskRequest("x".repeat(REQUEST_LIMIT)),
                    Map.of(), "too-large", WITHIN);
            assertNotNull(reply, "answered");
            assertEquals(413, reply.getIntProperty("status"));
            JsonObject problem = Json.createReader(new StringReader(reply.getBody(String.class))).readObject();
            assertEquals("body", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
            Message parked = broker.receive(BrokerClient.DEAD_LETTERS, "status = 413", WITHIN);
            assertNotNull(parked, "parked on the dead-letter queue");
            assertTrue(parked.getStringProperty("tasker_rejection").contains("tasker.api.max-request-bytes"),
                    parked.getStringProperty("tasker_rejection"));
        }
    }

    @Test
    void aBodyNestedDeeperThanTheLimitIsRefusedBeforeItIsParsedOverHttpAndJms(RunningStack stack) throws Exception {
        String deep = "{\"name\": \"linear_workflow\", \"namespace\": \"examples\", \"context\": {\"n\": "
                + "[".repeat(5_000) + "]".repeat(5_000) + "}}";
        String withinTheLimit = "{\"name\": \"linear_workflow\", \"namespace\": \"examples\", \"context\": "
                + "{\"n\": " + "[".repeat(30) + "]".repeat(30) + "}}";

        Reply refused = stack.client().post("/tasks", deep);
        assertEquals(400, refused.status(), String.valueOf(refused.body()));
        JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("body", error.getString("field"));
        assertTrue(error.getString("message").contains("deeper than 32 levels (tasker.api.max-json-depth)"),
                error.toString());
        assertEquals(201, stack.client().post("/tasks", withinTheLimit).status(), "32 levels are fine");
        try (BrokerClient broker = stack.brokerClient()) {
            Message reply = broker.request(BrokerClient.TASK_REQUESTS, deep, Map.of(), "too-deep", WITHIN);
            assertEquals(400, reply.getIntProperty("status"));
            assertTrue(reply.getBody(String.class).contains("tasker.api.max-json-depth"), reply.getBody(String.class));
        }
    }

    private static String taskRequest(String payload) {
        return "{\"name\": \"linear_workflow\", \"namespace\": \"examples\", \"context\": {\"payload\": \"" + payload
                + "\"}}";
    }

    private static void assertTooLarge(Reply reply, String field, String setting) {
        assertEquals(413, reply.status(), String.valueOf(reply.body()));
        assertEquals("application/problem+json", reply.contentType());
        JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(field, error.getString("field"));
        assertTrue(error.getString("message").contains(setting), error.toString());
    }
}
