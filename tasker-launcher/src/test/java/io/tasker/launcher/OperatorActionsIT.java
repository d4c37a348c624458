package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerClient.Reply;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator's actions over HTTP: a failed step retried with a fresh attempt budget, a failed step resolved by hand
 * so its dependents run, a failed task retried; each recorded with who, why and which request, and refused with a 409
 * when the states forbid it.
 */
@ExtendWith(TaskerStackExtension.class)
class OperatorActionsIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    // process_data fails on its first three attempts: exactly its template's budget, so the task ends in error.
    private static final String EXHAUSTS_ITS_ATTEMPTS = """
            {"name": "linear_workflow", "namespace": "examples", "context": {"fail_times": {"process_data": 3}}}""";

    @Test
    void aStepRetriedByAnOperatorGetsAFreshBudgetAndItsTaskCompletes(RunningStack stack) throws Exception {
        TaskerClient client = stack.clientAs("alice");
        long taskId = client.createTask(EXHAUSTS_ITS_ATTEMPTS);
        assertEquals("error", client.awaitFinished(taskId, WITHIN).getString("status"));
        long stepId = stepId(client, taskId, "process_data");

        Reply retried = client.post("/tasks/" + taskId + "/workflow_steps/" + stepId + "/retry",
                "{\"actor\": \"alice\", \"reason\": \"the service is back\"}",
                Map.of("Content-Type", "application/json", "X-Request-Id", "req-42"));
        assertEquals(200, retried.status(), retried.body().toString());

        JsonObject done = client.awaitFinished(taskId, WITHIN);
        assertEquals("complete", done.getString("status"));
        JsonObject step = AcceptanceChecks.step(done, "process_data");
        assertEquals(4, step.getInt("attempts"), "attempt numbers go on: " + step);
        assertEquals(6, step.getInt("retry_limit"), "three more attempts: " + step);
        JsonObject retry = transition(client, taskId, "process_data", "error", "pending", "retry_step");
        assertEquals("alice", retry.getString("actor"));
        assertEquals("the service is back", retry.getString("reason"));
        assertEquals("req-42", retry.getJsonObject("metadata").getString("request_id"));
        assertEquals("alice", transition(client, taskId, null, "error", "pending", "retry_step").getString("actor"));
    }

    @Test
    void aTaskRetriedByAnOperatorRunsItsFailedStepsAgain(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask(EXHAUSTS_ITS_ATTEMPTS);
        assertEquals("error", client.awaitFinished(taskId, WITHIN).getString("status"));

        Reply retried = client.post("/tasks/" + taskId + "/retry", "{}");
        assertEquals(200, retried.status(), retried.body().toString());
        assertEquals("complete", client.awaitFinished(taskId, WITHIN).getString("status"));
        JsonObject retry = transition(client, taskId, null, "error", "pending", "retry_task");
        assertEquals("admin", retry.getString("actor"), "the token's subject");
        assertTrue(!retry.getJsonObject("metadata").getString("request_id").isBlank(), "a request id is made up");
    }

    @Test
    void aStepRetriedWithNewInputsRunsOnThemAndItsHistorySaysSo(RunningStack stack) throws Exception {
        TaskerClient client = stack.clientAs("carol");
        long taskId = taskFailedForGoodAtProcessData(client);
        long stepId = stepId(client, taskId, "process_data");
        assertEquals(Map.of(), AcceptanceChecks.step(client.get("/tasks/" + taskId).json(), "process_data")
                .getJsonObject("inputs"), "a step has no inputs until an operator gives some");

        // The inputs override the context's script for this step: it no longer fails.
        Reply retried = client.post("/tasks/" + taskId + "/workflow_steps/" + stepId + "/retry",
                "{\"actor\": \"carol\", \"inputs\": {\"fail_permanently\": [], \"batch\": 7}}");
        assertEquals(200, retried.status(), retried.body().toString());
        assertEquals(7, retried.json().getJsonObject("inputs").getInt("batch"));
        assertEquals("pending", retried.json().getString("status"));
        assertTrue(retried.json().getJsonObject("last_error").getString("message").startsWith("scripted permanent"),
                "a retried step still shows why it failed: " + retried.body());

        JsonObject done = client.awaitFinished(taskId, WITHIN);
        assertEquals("complete", done.getString("status"));
        JsonObject step = AcceptanceChecks.step(done, "process_data");
        assertEquals(7, step.getJsonObject("results").getJsonObject("inputs").getInt("batch"), "the handler read them");
        assertEquals(7, transition(client, taskId, "process_data", "error", "pending", "retry_step")
                .getJsonObject("metadata").getJsonObject("inputs").getInt("batch"));

        Reply bad = client.post("/tasks/" + taskId + "/workflow_steps/" + stepId + "/retry", "{\"inputs\": [1]}");
        assertRefused(bad, "inputs");
    }

    @Test
    void aStepResolvedByHandLetsItsDependentsRunOnItsResults(RunningStack stack) throws Exception {
        TaskerClient client = stack.clientAs("bob");
        long taskId = taskFailedForGoodAtProcessData(client);
        long stepId = stepId(client, taskId, "process_data");

        Reply resolved = client.post("/tasks/" + taskId + "/workflow_steps/" + stepId + "/resolve",
                "{\"actor\": \"bob\", \"reason\": \"done by hand\", \"results\": {\"rows\": 12}}");
        assertEquals(200, resolved.status(), resolved.body().toString());
        assertEquals("resolved_manually", resolved.json().getString("status"));

        JsonObject done = client.awaitFinished(taskId, WITHIN);
        assertEquals("complete", done.getString("status"));
        assertEquals(12, AcceptanceChecks.step(done, "process_data").getJsonObject("results").getInt("rows"));
        assertEquals("complete", AcceptanceChecks.step(done, "transform_results").getString("status"));
        assertEquals("bob", transition(client, taskId, "process_data", "error", "resolved_manually", "resolve_step")
                .getString("actor"));
    }

    @Test
    void aCancelledStepTakesItsDependentsWithItWhileTheOtherBranchRunsAndTheTaskEndsCancelled(RunningStack stack)
            throws Exception {
        TaskerClient client = stack.clientAs("dave");
        // The first step works for a while: the branches wait, pending, meanwhile.
        long taskId = client.createTask("""
                {"name": "diamond_workflow", "namespace": "examples",
                 "context": {"sleep_ms": {"start_workflow": 1500}}}""");
        long branchTwo = stepId(client, taskId, "branch_two_process");

        Reply cancelled = client.delete("/tasks/" + taskId + "/workflow_steps/" + branchTwo
                + "?actor=dave&reason=not+needed+this+time");
        assertEquals(200, cancelled.status(), cancelled.body().toString());
        assertEquals("cancelled", cancelled.json().getString("status"));

        JsonObject task = client.awaitFinished(taskId, WITHIN);
        assertEquals("cancelled", task.getString("status"));
        for (String ran : List.of("start_workflow", "branch_one_process", "branch_one_validate")) {
            assertEquals("complete", AcceptanceChecks.step(task, ran).getString("status"), ran + " ran on");
        }
        for (String dropped : List.of("branch_two_validate", "merge_branches", "end_workflow")) {
            assertEquals("cancelled", AcceptanceChecks.step(task, dropped).getString("status"),
                    dropped + " depends on it");
            assertEquals(branchTwo, transition(client, taskId, dropped, "pending", "cancelled", "cancel_step")
                    .getJsonObject("metadata").getJsonNumber("cancelled_with").longValue());
        }
        JsonObject cancellation = transition(client, taskId, "branch_two_process", "pending", "cancelled",
                "cancel_step");
        assertEquals("dave", cancellation.getString("actor"));
        assertEquals("not needed this time", cancellation.getString("reason"));
        JsonObject ended = client.get("/tasks/" + taskId + "/transitions").json().getJsonArray("transitions")
                .getValuesAs(JsonObject.class).stream()
                .filter(change -> change.isNull("step_name") && change.getString("to_state").equals("cancelled"))
                .findFirst().orElseThrow();
        assertEquals(4, ended.getJsonObject("metadata").getInt("cancelled_steps"), ended.toString());

        String done = "/tasks/" + taskId + "/workflow_steps/" + stepId(client, taskId, "start_workflow");
        assertConflict(client.delete(done), "task " + taskId + " is cancelled");
        assertRefused(client.delete(done + "?colour=red"), "colour");
    }

    @Test
    void aCancellationStopsAtAStepSettledWithoutIt(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "diamond_workflow", "namespace": "examples",
                 "context": {"sleep_ms": {"start_workflow": 1500}}}""");
        String steps = "/tasks/" + taskId + "/workflow_steps/";
        Reply resolved = client.post(steps + stepId(client, taskId, "branch_two_validate") + "/resolve",
                "{\"results\": {\"validated\": \"by hand\"}}");
        assertEquals(200, resolved.status(), resolved.body().toString());

        Reply cancelled = client.delete(steps + stepId(client, taskId, "branch_two_process"));
        assertEquals(200, cancelled.status(), cancelled.body().toString());

        JsonObject task = client.awaitFinished(taskId, WITHIN);
        assertEquals("resolved_manually", AcceptanceChecks.step(task, "branch_two_validate").getString("status"));
        for (String ran : List.of("branch_one_validate", "merge_branches", "end_workflow")) {
            assertEquals("complete", AcceptanceChecks.step(task, ran).getString("status"), ran + " did not need it");
        }
        assertEquals("cancelled", task.getString("status"), "one step was cancelled: " + task);
    }

    @Test
    void anActionTheStatesForbidIsAConflictAndABadOneIsRefused(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long failedTaskId = client.createTask(EXHAUSTS_ITS_ATTEMPTS);
        assertEquals("error", client.awaitFinished(failedTaskId, WITHIN).getString("status"));
        long doneStepId = stepId(client, failedTaskId, "initialize_data");
        String doneStep = "/tasks/" + failedTaskId + "/workflow_steps/" + doneStepId;
        assertConflict(client.post(doneStep + "/retry", "{}"), "step " + doneStepId + " is complete");
        assertConflict(client.post(doneStep + "/resolve", "{\"results\": {}}"), "step " + doneStepId + " is complete");
        assertConflict(client.delete(doneStep), "step " + doneStepId + " is complete; only a pending step can be "
                + "cancelled");

        long taskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples", "context": {}}""");
        client.awaitFinished(taskId, WITHIN);
        long stepId = stepId(client, taskId, "process_data");
        String step = "/tasks/" + taskId + "/workflow_steps/" + stepId;
        assertConflict(client.post(step + "/retry", "{}"), "task " + taskId + " is complete");
        assertConflict(client.post("/tasks/" + taskId + "/retry", "{}"), "task " + taskId + " is complete");
        assertEquals(404, client.post("/tasks/" + failedTaskId + "/workflow_steps/" + stepId + "/retry", "{}")
                .status(), "a step of another task");
        assertEquals(404, client.post("/tasks/999999999/retry", "{}").status());
        assertEquals(404, client.post("/tasks/" + taskId + "/workflow_steps/999999999/retry", "{}").status());
        Map<String, String> fieldOfBadBody = Map.of(
                "[]", "body",
                "{\"colour\": 1}", "colour",
                "{\"actor\": 5}", "actor",
                "{\"results\": {}}", "results");
        fieldOfBadBody.forEach((body, field) -> assertRefused(client.post(step + "/retry", body), field));
        assertRefused(client.post(step + "/resolve", "{}"), "results");
        assertRefused(client.post(step + "/resolve", "{\"results\": [1]}"), "results");
        assertRefused(client.post("/tasks/" + taskId + "/workflow_steps/first/retry", "{}"), "step_id");
        assertEquals(415, client.post(step + "/retry", "text/plain", "retry").status());
    }

    private static long stepId(TaskerClient client, long taskId, String name) {
        return AcceptanceChecks.step(client.get("/tasks/" + taskId).json(), name).getJsonNumber("workflow_step_id")
                .longValue();
    }

    // The transition of the step named (or of the task, when null) from one state to another by an action.
    static JsonObject transition(TaskerClient client, long taskId, String stepName, String from, String to,
                                 String action) {
        List<JsonObject> changes = client.get("/tasks/" + taskId + "/transitions").json()
                .getJsonArray("transitions").getValuesAs(JsonObject.class);
        return changes.stream()
                .filter(change -> stepName == null ? change.isNull("step_name")
                        : !change.isNull("step_name") && change.getString("step_name").equals(stepName))
                .filter(change -> !change.isNull("from_state") && change.getString("from_state").equals(from)
                        && change.getString("to_state").equals(to))
                .filter(change -> action.equals(change.getJsonObject("metadata").getString("action", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + from + " -> " + to + " by " + action + " in " + changes));
    }

    private static void assertConflict(Reply reply, String message) {
        assertEquals(409, reply.status(), reply.body().toString());
        assertTrue(reply.json().getString("detail").contains(message), reply.body().toString());
    }

    // A linear workflow whose process_data failed permanently, its task in error.
    private static long taskFailedForGoodAtProcessData(TaskerClient client) throws InterruptedException {
        long taskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"fail_permanently": ["process_data"]}}""");
        assertEquals("error", client.awaitFinished(taskId, WITHIN).getString("status"));
        return taskId;
    }

    private static void assertRefused(Reply reply, String field) {
        assertEquals(400, reply.status(), String.valueOf(reply.body()));
        assertTrue(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(error -> error.getString("field").equals(field)), field + ": " + reply.body());
    }
}
