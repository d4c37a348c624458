package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /tasker/health/status}: the database's counts, counted at most once per cache period (the test stack's
 * is 1 s).
 */
@ExtendWith(TaskerStackExtension.class)
class SystemStatusIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void countsTasksByStateAndRetriesAsTheDatabaseHasThem(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long failed = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"fail_permanently": ["initialize_data"]}}""");
        assertEquals("error", client.awaitFinished(failed, WITHIN).getString("status"));
        // Its first step fails once and asks for its retry a minute later: a retry waiting on its back-off.
        long waiting = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"fail_times": {"initialize_data": 1}, "retry_after_ms": {"initialize_data": 60000}}}""");
        client.awaitStepStatus(waiting, "initialize_data", "error", WITHIN);

        JsonObject status = freshStatus(client);
        assertEquals(Database.tasksIn(stack.database(), "error"), status.getJsonObject("tasks").getInt("error"));
        assertEquals(Database.tasksIn(stack.database(), "complete"),
                status.getJsonObject("tasks").getInt("complete", 0));
        assertTrue(status.getInt("retries_waiting") >= 1, status.toString());
        assertTrue(status.getJsonObject("steps").getInt("error") >= 2, status.toString());

        JsonObject again = client.get("/health/status").json();
        assertEquals(status.getString("at"), again.getString("at"), "answered from the cache within its period");
        assertEquals(200, client.delete("/tasks/" + waiting).status());
    }

    // A status counted after this call began: the cache's period (1 s) has run out.
    private static JsonObject freshStatus(TaskerClient client) throws InterruptedException {
        Instant asked = Instant.now();
        Instant deadline = asked.plus(WITHIN);
        JsonObject status = client.get("/health/status").json();
        while (OffsetDateTime.parse(status.getString("at")).toInstant().isBefore(asked)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the status was never counted again: " + status);
            }
            Thread.sleep(100);
            status = client.get("/health/status").json();
        }
        return status;
    }
}
