package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerClient.Reply;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST contract: created tasks, their steps, and precise problem+json errors for bad requests. */
@ExtendWith(TaskerStackExtension.class)
class ApiIT {

    // diamond_workflow's steps as its template lists them: a task shows its steps in that order.
    private static final List<String> TEMPLATE_ORDER = List.of("start_workflow", "branch_one_process",
            "branch_two_process", "branch_one_validate", "branch_two_validate", "merge_branches", "end_workflow");

    @Test
    void createsATaskWithItsLocationAndPendingSteps(RunningStack stack) {
        Reply reply = stack.client().post("/tasks", """
                {"name": "diamond_workflow", "namespace": "examples", "version": "1.0.0", "context": {"order": 7},
                 "initiator": "alice", "reason": "test", "source_system": "it", "tags": ["a", "b"]}""");

        assertEquals(201, reply.status());
        JsonObject task = reply.json();
        long taskId = task.getJsonNumber("task_id").longValue();
        assertTrue(reply.location().orElseThrow().endsWith("/tasker/tasks/" + taskId), reply.location().get());
        assertEquals("diamond_workflow", task.getString("name"));
        assertEquals("examples", task.getString("namespace"));
        assertEquals("1.0.0", task.getString("version"));
        assertEquals("examples.diamond_workflow@1.0.0", task.getString("full_name"));
        assertEquals(7, task.getJsonObject("context").getInt("order"));
        assertEquals("alice", task.getString("initiator"));
        assertEquals("it", task.getString("source_system"));
        assertEquals(2, task.getJsonArray("tags").size());
        assertEquals(7, task.getJsonArray("workflow_steps").size());
        JsonObject step = task.getJsonArray("workflow_steps").getJsonObject(0);
        for (String field : List.of("workflow_step_id", "name", "status", "attempts", "retry_limit", "results")) {
            assertTrue(step.containsKey(field), field + " in " + step);
        }

        Reply steps = stack.client().get("/tasks/" + taskId + "/workflow_steps");
        assertEquals(200, steps.status());
        assertEquals(TEMPLATE_ORDER, stepNames(steps.json().getJsonArray("steps")));
        assertEquals(TEMPLATE_ORDER, stepNames(stack.client().get("/tasks/" + taskId).json()
                .getJsonArray("workflow_steps")));
    }

    @Test
    void showsEachStepWithItsDependenciesAndFiltersStepsByStatus(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "diamond_workflow", "namespace": "examples", "context": {}}""");
        long otherTaskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples", "context": {}}""");
        client.awaitFinished(taskId, Duration.ofSeconds(30));
        Map<String, JsonObject> byName = client.get("/tasks/" + taskId + "/workflow_steps").json()
                .getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(step -> step.getString("name"), step -> step));
        JsonObject merge = byName.get("merge_branches");

        Reply one = client.get("/tasks/" + taskId + "/workflow_steps/" + merge.getJsonNumber("workflow_step_id"));
        assertEquals(200, one.status(), one.body().toString());
        assertEquals(merge, one.json());
        assertEquals(List.of(stepId(byName, "branch_one_validate"), stepId(byName, "branch_two_validate")),
                ids(one.json(), "parents_ids"));
        assertEquals(List.of(stepId(byName, "end_workflow")), ids(one.json(), "children_ids"));
        assertEquals(List.of(), ids(byName.get("start_workflow"), "parents_ids"));

        assertEquals(7, client.get("/tasks/" + taskId + "/workflow_steps?status=complete").json()
                .getJsonArray("steps").size());
        assertEquals(7, client.get("/tasks/" + taskId + "/workflow_steps?status=error,complete").json()
                .getJsonArray("steps").size());
        assertEquals(0, client.get("/tasks/" + taskId + "/workflow_steps?status=error").json()
                .getJsonArray("steps").size());

        long stepOfOtherTask = client.get("/tasks/" + otherTaskId + "/workflow_steps").json().getJsonArray("steps")
                .getJsonObject(0).getJsonNumber("workflow_step_id").longValue();
        assertProblem(client.get("/tasks/" + taskId + "/workflow_steps/" + stepOfOtherTask), 404,
                "urn:tasker:problem:not-found");
        Map<String, String> fieldOfBadRequest = Map.of(
                "/tasks/" + taskId + "/workflow_steps/first", "step_id",
                "/tasks/" + taskId + "/workflow_steps/0", "step_id",
                "/tasks/0/workflow_steps", "task_id",
                "/tasks/99999999999999999999", "task_id",
                "/tasks/" + taskId + "/workflow_steps?status=done", "status",
                "/tasks/" + taskId + "/workflow_steps?colour=red", "colour");
        fieldOfBadRequest.forEach((path, field) -> {
            Reply reply = client.get(path);
            assertEquals(400, reply.status(), path + " -> " + reply.body());
            assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), path);
        });
    }

    private static long stepId(Map<String, JsonObject> steps, String name) {
        return steps.get(name).getJsonNumber("workflow_step_id").longValue();
    }

    private static List<Long> ids(JsonObject step, String field) {
        return step.getJsonArray(field).getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList();
    }

    private static List<String> stepNames(JsonArray steps) {
        return steps.getValuesAs(JsonObject.class).stream().map(step -> step.getString("name")).toList();
    }

    @Test
    void aCreationPreferringAMinimalAnswerGetsOnlyTheId(RunningStack stack) {
        String request = """
                {"name": "linear_workflow", "namespace": "examples", "context": {}}""";
        Reply reply = stack.client().post("/tasks", request,
                Map.of("Content-Type", "application/json", "Prefer", "handling=strict, return=minimal; x=1"));

        assertEquals(201, reply.status());
        assertEquals(Optional.of("return=minimal"), reply.headers().firstValue("Preference-Applied"));
        long taskId = reply.json().getJsonNumber("task_id").longValue();
        assertEquals(Set.of("task_id"), reply.json().keySet());
        assertTrue(reply.location().orElseThrow().endsWith("/tasker/tasks/" + taskId), reply.location().get());
        assertEquals("linear_workflow", stack.client().get("/tasks/" + taskId).json().getString("name"));

        Reply full = stack.client().post("/tasks", request, Map.of("Content-Type", "application/json",
                "Prefer", "return=representation"));
        assertEquals(201, full.status());
        assertTrue(full.headers().firstValue("Preference-Applied").isEmpty());
        assertEquals(6, full.json().getJsonArray("workflow_steps").size());
    }

    @Test
    void resolvesTheLatestVersionWhenNoneIsGiven(RunningStack stack) {
        Reply reply = stack.client().post("/tasks", """
                {"name": "linear_workflow", "namespace": "examples", "context": {}}""");
        assertEquals(201, reply.status());
        assertEquals("1.0.0", reply.json().getString("version"));
    }

    @Test
    void anUnknownTaskOrVersionIsNotFound(RunningStack stack) {
        assertProblem(stack.client().post("/tasks", """
                {"name": "no_such_workflow", "namespace": "examples", "context": {}}"""), 404, "urn:tasker:problem:not-found");
        assertProblem(stack.client().post("/tasks", """
                {"name": "diamond_workflow", "namespace": "examples", "version": "9.9.9", "context": {}}"""),
                404, "urn:tasker:problem:not-found");
        assertProblem(stack.client().get("/tasks/987654321"), 404, "urn:tasker:problem:not-found");
    }

    @Test
    void aContextThatBreaksTheSchemaNamesEachField(RunningStack stack) {
        Reply reply = stack.client().post("/tasks", """
                {"name": "diamond_workflow", "namespace": "examples",
                 "context": {"fail_times": {"merge_branches": "twice"}, "fail_permanently": "merge_branches"}}""");

        assertProblem(reply, 400, "urn:tasker:problem:invalid-request");
        assertEquals(Set.of("/context/fail_times/merge_branches", "/context/fail_permanently"), fields(reply));
    }

    @Test
    void malformedJsonIsABadRequest(RunningStack stack) {
        assertProblem(stack.client().post("/tasks", "{\"name\": \"diamond_workflow\", "), 400,
                "urn:tasker:problem:malformed-json");
        assertProblem(stack.client().post("/tasks", "[1, 2]"), 400, "urn:tasker:problem:invalid-request");
    }

    @Test
    void missingMistypedAndUnknownFieldsAreNamed(RunningStack stack) {
        Reply reply = stack.client().post("/tasks", """
                {"namespace": "examples", "contxt": {}, "tags": "urgent"}""");

        assertProblem(reply, 400, "urn:tasker:problem:invalid-request");
        assertEquals(Set.of("name", "context", "contxt", "tags"), fields(reply));
        assertProblem(stack.client().post("/tasks", """
                {"name": "diamond_workflow", "namespace": "examples", "version": "1.0", "context": {}}"""),
                400, "urn:tasker:problem:invalid-request");
        assertProblem(stack.client().get("/tasks/abc"), 400, "urn:tasker:problem:invalid-request");
    }

    @Test
    void errorsOfTheHttpLayerAreProblemsToo(RunningStack stack) {
        assertProblem(stack.client().get("/no-such-resource"), 404, "about:blank");
        assertProblem(stack.client().post("/tasks", "text/plain", "x"), 415,
                "urn:tasker:problem:unsupported-media-type");
    }

    @Test
    void readinessReportsTheDatabaseAndTheBroker(RunningStack stack) throws Exception {
        assertProbeUp(stack, "/health/ready", List.of("database", "broker"));
    }

    @Test
    void taskerServesItsReadinessChecksOnItsOwnPathToo(RunningStack stack) throws Exception {
        assertProbeUp(stack, "/tasker/health/ready", List.of("database", "broker", "node"));
    }

    @Test
    void aStartedNodeSaysSoToAStartupProbe(RunningStack stack) throws Exception {
        assertProbeUp(stack, "/health/started", List.of("started"));
    }

    @Test
    void aNodeThatRunsWorkSaysItIsAlive(RunningStack stack) throws Exception {
        assertProbeUp(stack, "/health/live", List.of("engine"));
    }

    private static void assertProbeUp(RunningStack stack, String path, List<String> checks) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                stack.client().api().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(HealthReport.hasChecks(response.body(), checks), response.body());
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), String.valueOf(reply.body()));
        assertEquals("application/problem+json", reply.contentType());
        assertEquals(status, reply.json().getInt("status"));
        assertEquals(type, reply.json().getString("type"));
        assertTrue(!reply.json().getString("detail").isBlank());
    }

    private static Set<String> fields(Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).collect(Collectors.toSet());
    }
}
