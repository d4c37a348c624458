package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Repeated creation requests return the task the first one created. */
@ExtendWith(TaskerStackExtension.class)
class IdempotencyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twentyConcurrentRequestsWithOneKeyCreateOneTask(RunningStack stack) throws Exception {
        HttpRequest request = request(stack, UUID.randomUUID().toString(), """
                {"name": "diamond_workflow", "namespace": "examples", "context": {"order": 1}}""");
        ExecutorService clients = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(clients.submit(() -> {
                start.await();
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> response : responses) {
            answers.add(response.get());
        }
        clients.shutdown();

        Map<Integer, Long> byStatus = answers.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertEquals(Map.of(201, 1L, 200, 19L), byStatus);
        Set<String> locations = answers.stream()
                .map(answer -> answer.headers().firstValue("Location").orElseThrow())
                .collect(Collectors.toSet());
        assertEquals(1, locations.size(), "every answer names the same task: " + locations);
    }

    @Test
    void aKeyReusedForADifferentRequestIsAConflictNamingTheHeader(RunningStack stack) throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post(stack, key, """
                {"name": "linear_workflow", "namespace": "examples", "context": {"amount": 10}}""");
        HttpResponse<String> repeat = post(stack, key, """
                {"namespace": "examples", "name": "linear_workflow", "context": {"amount": 10.0}}""");
        HttpResponse<String> reused = post(stack, key, """
                {"name": "linear_workflow", "namespace": "examples", "context": {"amount": 99}}""");

        assertEquals(201, first.statusCode());
        assertEquals(200, repeat.statusCode(), "the same request written otherwise is a repeat");
        assertEquals(409, reused.statusCode());
        assertEquals("application/problem+json", reused.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = Json.createReader(new StringReader(reused.body())).readObject();
        assertEquals("urn:tasker:problem:idempotency-key-reused", problem.getString("type"));
        assertEquals("Idempotency-Key", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void underTheHashStrategyTheSameContextIsTheSameTask(RunningStack stack) {
        TaskerClient client = stack.client();
        TaskerClient.Reply first = client.post("/tasks", """
                {"name": "hashed_workflow", "namespace": "it", "context": {"customer": 7, "items": [1, 2]}}""");
        TaskerClient.Reply repeat = client.post("/tasks", """
                {"name": "hashed_workflow", "namespace": "it", "context": {"items": [1, 2], "customer": 7}}""");
        TaskerClient.Reply other = client.post("/tasks", """
                {"name": "hashed_workflow", "namespace": "it", "context": {"customer": 8, "items": [1, 2]}}""");

        assertEquals(201, first.status());
        assertEquals(200, repeat.status());
        assertEquals(first.json().getInt("task_id"), repeat.json().getInt("task_id"));
        assertEquals(201, other.status());
        assertNotEquals(first.json().getInt("task_id"), other.json().getInt("task_id"));
    }

    @Test
    void withoutAKeyTheDefaultStrategyCreatesATaskEachTime(RunningStack stack) {
        String request = """
                {"name": "linear_workflow", "namespace": "examples", "context": {"same": true}}""";
        assertNotEquals(stack.client().createTask(request), stack.client().createTask(request));
    }

    private static HttpResponse<String> post(RunningStack stack, String key, String body) throws Exception {
        return HTTP.send(request(stack, key, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(RunningStack stack, String key, String body) {
        return stack.client().authorized(HttpRequest.newBuilder(URI.create(stack.client().api() + "/tasks")))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
