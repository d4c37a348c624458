package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerClient.Reply;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Why a step failed and when it runs next, as the API shows it: {@code last_error}, {@code next_attempt_at} while a
 * step waits on its back-off, and the task's history of changes ({@code GET /tasks/{task_id}/transitions}).
 */
@ExtendWith(TaskerStackExtension.class)
class StepFailureViewIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void aStepWaitingOnItsBackOffShowsItsErrorAndWhenItRunsNext(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"fail_times": {"validate_input": 1}, "retry_after_ms": {"validate_input": 4000}}}""");

        JsonObject waiting = client.awaitStepStatus(taskId, "validate_input", "error", WITHIN);
        JsonObject error = waiting.getJsonObject("last_error");
        assertTrue(error.getString("message").contains("validate_input"), error.toString());
        assertEquals("io.tasker.api.RetryableException", error.getString("error_class"));
        assertEquals(1, error.getInt("attempt"));
        OffsetDateTime next = OffsetDateTime.parse(waiting.getString("next_attempt_at"));
        OffsetDateTime failedAt = OffsetDateTime.parse(error.getString("at"));
        Duration wait = Duration.between(failedAt, next);
        assertTrue(wait.compareTo(Duration.ofMillis(3900)) > 0 && wait.compareTo(Duration.ofMillis(4100)) < 0,
                "due about 4 s after the failure: " + waiting);

        assertEquals("complete", client.awaitFinished(taskId, WITHIN).getString("status"));
        JsonObject done = step(client, taskId, "validate_input");
        assertTrue(done.isNull("next_attempt_at"), done.toString());
        assertEquals(1, done.getJsonObject("last_error").getInt("attempt"), "the last failure stays visible");
        assertTrue(step(client, taskId, "initialize_data").isNull("last_error"));
    }

    @Test
    void aPermanentFailureShowsItsErrorAndNoNextAttempt(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"fail_permanently": ["process_data"]}}""");
        assertEquals("error", client.awaitFinished(taskId, WITHIN).getString("status"));

        JsonObject failed = step(client, taskId, "process_data");
        assertTrue(failed.isNull("next_attempt_at"), failed.toString());
        assertEquals("io.tasker.api.PermanentException", failed.getJsonObject("last_error").getString("error_class"));
    }

    @Test
    void theHistoryListsEveryChangeOldestFirstWithWhoAndWhy(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"sleep_ms": {"initialize_data": 3000}}}""");
        JsonObject running = client.awaitStepStatus(taskId, "initialize_data", "in_progress", WITHIN);
        assertEquals(1, running.getInt("attempts"));
        assertTrue(!running.isNull("last_attempted_at"), "a claimed step shows when its attempt began: " + running);
        assertEquals(200, client.delete("/tasks/" + taskId + "?reason=wrong%20input").status());

        Reply reply = client.get("/tasks/" + taskId + "/transitions");
        assertEquals(200, reply.status(), reply.body().toString());
        List<JsonObject> changes = reply.json().getJsonArray("transitions").getValuesAs(JsonObject.class);
        List<Instant> times = changes.stream().map(change -> OffsetDateTime.parse(change.getString("at")).toInstant())
                .toList();
        assertEquals(times.stream().sorted().toList(), times, "oldest first");
        JsonObject first = changes.get(0);
        assertTrue(first.isNull("workflow_step_id") && first.isNull("from_state"), first.toString());
        assertEquals("pending", first.getString("to_state"));
        JsonObject cancelled = changes.stream()
                .filter(change -> change.isNull("workflow_step_id")
                        && change.getString("to_state").equals("cancelled"))
                .findFirst().orElseThrow(() -> new AssertionError("no cancellation of the task in " + changes));
        assertEquals("admin", cancelled.getString("actor"), "the token's subject");
        assertEquals("wrong input", cancelled.getString("reason"));
        assertTrue(changes.stream().anyMatch(change -> !change.isNull("step_name")
                && change.getString("step_name").equals("initialize_data")
                && change.getString("to_state").equals("in_progress")), changes.toString());
        assertFalse(changes.stream().anyMatch(change -> !change.isNull("step_name")
                && change.getString("step_name").equals("finalize_workflow")
                && change.getString("to_state").equals("complete")), "nothing ran after the cancellation");

        assertEquals(404, client.get("/tasks/999999999/transitions").status());
        assertEquals(400, client.get("/tasks/x/transitions").status());
    }

    private static JsonObject step(TaskerClient client, long taskId, String name) {
        return AcceptanceChecks.step(client.get("/tasks/" + taskId).json(), name);
    }
}
