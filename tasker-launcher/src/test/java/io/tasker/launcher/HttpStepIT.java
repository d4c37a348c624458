package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.HttpStub.Request;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Steps run by {@code io.tasker.api.http.HttpStepHandler}, named in a template like any handler, against a real
 * HTTP service (the test's {@link HttpStub}): a GET whose JSON answer becomes the results, a POST of the context and
 * the parent's results answered 429 then retried after the {@code Retry-After} asked for, and a 404 that fails the
 * step for good.
 */
@ExtendWith(TaskerStackExtension.class)
class HttpStepIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void httpStepsCallTheServiceAndHonourItsRetryAfter(RunningStack stack) throws Exception {
        String key = UUID.randomUUID().toString();
        long taskId = stack.client().createTask("""
                {"name": "http_workflow", "namespace": "it", "context": {"key": "%s"}}""".formatted(key));

        JsonObject task = stack.client().awaitFinished(taskId, WITHIN);

        assertEquals("complete", task.getString("status"), task.toString());
        JsonObject fetched = AcceptanceChecks.step(task, "fetch_order");
        assertEquals(200, fetched.getJsonObject("results").getInt("status"));
        assertEquals(3, fetched.getJsonObject("results").getJsonObject("body").getInt("items"));
        JsonObject submitted = AcceptanceChecks.step(task, "submit_order");
        assertEquals(2, submitted.getInt("attempts"), submitted.toString());
        JsonObject echoed = submitted.getJsonObject("results").getJsonObject("body");
        assertEquals(key, echoed.getJsonObject("context").getString("key"));
        assertEquals(7, echoed.getJsonObject("parent_results").getJsonObject("fetch_order")
                .getJsonObject("body").getInt("order"));
        List<Request> posts = stack.httpStub().requestsWith(key);
        assertEquals(2, posts.size(), posts.toString());
        Duration waited = Duration.between(posts.get(0).at(), posts.get(1).at());
        assertTrue(waited.compareTo(Duration.ofMillis(950)) >= 0, "Retry-After: 1 honoured: " + waited);
    }

    @Test
    void aServiceAnswering404FailsTheStepForGood(RunningStack stack) throws Exception {
        long taskId = stack.client().createTask("""
                {"name": "http_rejected_workflow", "namespace": "it", "context": {}}""");

        JsonObject task = stack.client().awaitFinished(taskId, WITHIN);

        assertEquals("error", task.getString("status"));
        JsonObject failed = AcceptanceChecks.step(stack.client().get("/tasks/" + taskId).json(), "fetch_missing");
        assertEquals(1, failed.getInt("attempts"));
        JsonObject error = failed.getJsonObject("last_error");
        assertEquals("io.tasker.api.PermanentException", error.getString("error_class"), error.toString());
        assertTrue(error.getString("message").contains("answered 404"), error.toString());
    }
}
