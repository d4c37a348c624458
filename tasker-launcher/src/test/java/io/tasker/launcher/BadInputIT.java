package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input over every endpoint: each request below is answered with its 4xx problem document naming the field at
 * fault (or, for what does not exist, saying what), never with a 500 or a stack trace.
 */
@ExtendWith(TaskerStackExtension.class)
class BadInputIT {

    private static final String JSON = "application/json";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A request and the answer it must get: its status and the field the problem names (null: none). */
    private record Case(String method, String path, String contentType, String body, int status, String field) {

        static Case get(String path, int status, String field) {
            return new Case("GET", path, null, null, status, field);
        }

        static Case send(String method, String path, String contentType, String body, int status, String field) {
            return new Case(method, path, contentType, body, status, field);
        }

        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + contentType + " " + abbreviated(body));
        }
    }

    @Test
    void everyEndpointAnswersBadInputWithAProblemNamingTheField(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("{\"name\": \"linear_workflow\", \"namespace\": \"examples\", \"context\": {}}");
        long otherTaskId = client.createTask("{\"name\": \"linear_workflow\", \"namespace\": \"examples\", "
                + "\"context\": {}}");
        JsonObject otherTask = client.awaitFinished(otherTaskId, Duration.ofSeconds(30));
        long otherStep = AcceptanceChecks.step(otherTask, "initialize_data").getJsonNumber("workflow_step_id")
                .longValue();
        long step = AcceptanceChecks.step(client.awaitFinished(taskId, Duration.ofSeconds(30)), "initialize_data")
                .getJsonNumber("workflow_step_id").longValue();
        String task = "/tasks/" + taskId;
        String aStep = task + "/workflow_steps/" + step;
        List<Case> cases = List.of(
                // Creating a task
                Case.send("POST", "/tasks", JSON, "{\"name\": \"linear_workflow\",", 400, "body"),
                Case.send("POST", "/tasks", JSON, "[1, 2]", 400, "body"),
                Case.send("POST", "/tasks", JSON, "{\"name\": 7, \"context\": {}}", 400, "name"),
                Case.send("POST", "/tasks", JSON, "{\"name\": \"linear_workflow\", \"namespace\": \"examples\", "
                        + "\"context\": {}, \"priority\": 1}", 400, "priority"),
                Case.send("POST", "/tasks", JSON, "{\"name\": \"linear_workflow\", \"namespace\": \"examples\", "
                        + "\"context\": []}", 400, "context"),
                Case.send("POST", "/tasks", "text/plain", "name=linear_workflow", 415, "Content-Type"),
                Case.send("POST", "/tasks", JSON, "{\"name\": \"no_such_task\", \"context\": {}}", 404, null),
                Case.send("POST", "/tasks", JSON, "{\"name\": \"linear_workflow\", \"namespace\": \"examples\", "
                        + "\"context\": {\"payload\": \"" + "x".repeat(262_144) + "\"}}", 413, "context"),
                // Finding tasks
                Case.get("/tasks?limit=-1", 400, "limit"),
                Case.get("/tasks?limit=501", 400, "limit"),
                Case.get("/tasks?limit=ten", 400, "limit"),
                Case.get("/tasks?offset=-5", 400, "offset"),
                Case.get("/tasks?offset=99999999999999999999", 400, "offset"),
                Case.get("/tasks?sort_by=context", 400, "sort_by"),
                Case.get("/tasks?sort_order=sideways", 400, "sort_order"),
                Case.get("/tasks?status=finished", 400, "status"),
                Case.get("/tasks?created_after=yesterday", 400, "created_after"),
                Case.get("/tasks?cursor=not-a-cursor", 400, "cursor"),
                Case.get("/tasks?colour=red", 400, "colour"),
                // One task
                Case.get("/tasks/abc", 400, "task_id"),
                Case.get("/tasks/0", 400, "task_id"),
                Case.get("/tasks/-3", 400, "task_id"),
                Case.get("/tasks/99999999999999999999", 400, "task_id"),
                Case.get("/tasks/9223372036854775807", 404, null),
                Case.send("DELETE", "/tasks/1.5", null, null, 400, "task_id"),
                Case.send("PATCH", task, JSON, "{\"reason\": ", 400, "body"),
                Case.send("PATCH", task, JSON, "{\"status\": \"complete\"}", 400, "status"),
                Case.send("PATCH", "/tasks/x", JSON, "{}", 400, "task_id"),
                Case.get("/tasks/x/transitions", 400, "task_id"),
                Case.get("/tasks/9223372036854775807/transitions", 404, null),
                // Its steps
                Case.get(task + "/workflow_steps?status=done", 400, "status"),
                Case.get(task + "/workflow_steps?colour=red", 400, "colour"),
                Case.get(task + "/workflow_steps/first", 400, "step_id"),
                Case.get(task + "/workflow_steps/0", 400, "step_id"),
                Case.get(task + "/workflow_steps/" + otherStep, 404, null),
                // Operator actions
                Case.send("POST", aStep + "/retry", "text/plain", "please", 415, "Content-Type"),
                Case.send("POST", aStep + "/retry", JSON, "{\"actor\": 5}", 400, "actor"),
                Case.send("POST", aStep + "/retry", JSON, "{\"urgency\": \"high\"}", 400, "urgency"),
                Case.send("POST", aStep + "/retry", JSON, "{\"inputs\": \"batch=7\"}", 400, "inputs"),
                Case.send("POST", aStep + "/retry", JSON, "{\"inputs\": {\"x\": \"" + "y".repeat(262_144) + "\"}}",
                        413, "inputs"),
                Case.send("POST", aStep + "/retry", JSON, "{}", 409, null),
                Case.send("POST", task + "/workflow_steps/" + otherStep + "/retry", JSON, "{}", 404, null),
                Case.send("POST", aStep + "/resolve", JSON, "{}", 400, "results"),
                Case.send("POST", aStep + "/resolve", JSON, "{\"results\": [1]}", 400, "results"),
                Case.send("POST", aStep + "/resolve", JSON, "{\"results\": {}", 400, "body"),
                Case.send("POST", task + "/retry", JSON, "nonsense", 400, "body"),
                Case.send("POST", task + "/retry", "application/xml", "<retry/>", 415, "Content-Type"),
                Case.send("POST", task + "/retry", JSON, "{}", 409, null),
                Case.send("DELETE", task + "/workflow_steps/abc", null, null, 400, "step_id"),
                Case.send("DELETE", aStep + "?colour=red", null, null, 400, "colour"),
                Case.send("DELETE", aStep + "?actor=a&actor=b", null, null, 400, "actor"),
                Case.send("DELETE", aStep, null, null, 409, null),
                Case.send("DELETE", task + "?reason=" + "r".repeat(129), null, null, 400, "reason"),
                Case.send("PATCH", task, "text/plain", "reason=x", 415, "Content-Type"),
                // Diagrams
                Case.get("/tasks/x/diagram", 400, "task_id"),
                Case.get("/tasks/9223372036854775807/diagram", 404, null),
                Case.get("/handlers/examples/linear_workflow/diagram?version=1.0", 400, "version"),
                Case.get("/handlers/examples/no_such_task/diagram", 404, null),
                // Discovery
                Case.get("/handlers/no_such_namespace", 404, null),
                Case.get("/handlers/examples/no_such_task", 404, null),
                Case.get("/handlers/examples/linear_workflow?version=banana", 400, "version"),
                Case.get("/handlers/examples/linear_workflow?version=9.9.9", 404, null),
                // Nothing there
                Case.get("/no/such/path", 404, null),
                Case.send("PUT", task, JSON, "{}", 405, null));

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> response = send(client, c);
            String problem = check(c, response);
            if (problem != null) {
                failures.add(c + " -> " + problem);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " answered wrongly:\n"
                + String.join("\n", failures));
    }

    // What is wrong with the answer, or null when it is right.
    private static String check(Case c, HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != c.status()) {
            return "status " + response.statusCode() + " (expected " + c.status() + "): " + abbreviated(body);
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not a problem document: " + response.headers().firstValue("Content-Type") + " " + abbreviated(body);
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")) {
            return "exposes internals: " + abbreviated(body);
        }
        JsonObject problem;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            problem = reader.readObject();
        }
        if (problem.getInt("status") != c.status() || problem.getString("detail", "").isBlank()) {
            return "problem without its status or detail: " + body;
        }
        if (c.field() != null && problem.getJsonArray("errors").stream()
                .map(error -> error.asJsonObject().get("field"))
                .noneMatch(field -> field instanceof JsonString name && name.getString().equals(c.field()))) {
            return "does not name field " + c.field() + ": " + body;
        }
        return null;
    }

    private static HttpResponse<String> send(TaskerClient client, Case c) throws Exception {
        HttpRequest.Builder request = client.authorized(HttpRequest.newBuilder(URI.create(client.api()
                + c.path()))).timeout(Duration.ofSeconds(30));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(c.body()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
