package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.Database.Transition;
import io.tasker.launcher.TaskerClient.Reply;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cancellation and bypassed steps. */
@ExtendWith(TaskerStackExtension.class)
class TaskLifecycleIT {

    @Test
    void cancellingDuringARunStopsTheTaskAndDiscardsTheRunningStepsResult(RunningStack stack) throws Exception {
        long taskId = stack.client().createTask("""
                {"name": "diamond_workflow", "namespace": "examples", "context": {"sleep_ms": {"start_workflow": 1500}}}""");
        stack.client().awaitStepStatus(taskId, "start_workflow", "in_progress",
                Duration.ofSeconds(4));

        Reply cancelled = stack.clientAs("erin").delete("/tasks/" + taskId
                + "?actor=erin&reason=no+longer+needed");

        assertEquals(200, cancelled.status(), String.valueOf(cancelled.body()));
        // Proving that something did not happen needs a wait: the running handler's 1.5 s end well inside it.
        Thread.sleep(2500);
        JsonObject task = stack.client().get("/tasks/" + taskId).json();
        assertEquals("cancelled", task.getString("status"));
        for (JsonObject step : task.getJsonArray("workflow_steps").getValuesAs(JsonObject.class)) {
            assertEquals("cancelled", step.getString("status"), step.getString("name"));
        }
        assertEquals(0, Ledger.successes(stack.database(), taskId, "start_workflow"),
                "the late result of the cancelled step was not committed");
        assertEquals(0, Ledger.successes(stack.database(), taskId, "branch_one_process"), "nothing ran after");
        List<Transition> history = Database.stepTransitions(stack.database(), taskId, "start_workflow");
        Transition last = history.get(history.size() - 1);
        assertEquals("in_progress", last.fromState());
        assertEquals("cancelled", last.toState());
        assertTrue(last.metadata().contains("\"actor\": \"erin\""), last.metadata());
        assertTrue(last.metadata().contains("\"reason\": \"no longer needed\""), last.metadata());
        assertTrue(last.metadata().contains("\"action\": \"cancel_task\""), last.metadata());
    }

    @Test
    void onlyActiveTasksCanBeCancelled(RunningStack stack) throws Exception {
        long taskId = stack.client().createTask("""
                {"name": "linear_workflow", "namespace": "examples", "context": {}}""");
        stack.client().awaitFinished(taskId, Duration.ofSeconds(30));

        Reply conflict = stack.client().delete("/tasks/" + taskId);
        assertEquals(409, conflict.status());
        assertEquals("application/problem+json", conflict.contentType());
        assertEquals(404, stack.client().delete("/tasks/987654321").status());
    }

    @Test
    void aBypassedSkippableStepIsResolvedWithoutRunning(RunningStack stack) throws Exception {
        long taskId = stack.client().createTask("""
                {"name": "mixed_workflow", "namespace": "examples", "context": {},
                 "bypass_steps": ["process_optional_data"]}""");

        JsonObject task = stack.client().awaitFinished(taskId, Duration.ofSeconds(30));

        assertEquals("complete", task.getString("status"));
        JsonObject bypassed = AcceptanceChecks.step(task, "process_optional_data");
        assertEquals("resolved_manually", bypassed.getString("status"));
        assertEquals(0, bypassed.getInt("attempts"));
        assertEquals(0, Ledger.successes(stack.database(), taskId, "process_optional_data"));
    }

    @Test
    void bypassingAStepThatIsNotSkippableIsRejected(RunningStack stack) {
        TaskerClient.Reply reply = stack.client().post("/tasks", """
                {"name": "mixed_workflow", "namespace": "examples", "context": {}, "bypass_steps": ["init_auth"]}""");
        assertEquals(400, reply.status());
        assertEquals("bypass_steps", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
