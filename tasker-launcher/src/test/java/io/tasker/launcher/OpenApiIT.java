package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the node serves at {@code /tasker/openapi} is the API's: every route, and schemas whose fields
 * are those the API writes (a field added to a response without its documentation fails here).
 */
@ExtendWith(TaskerStackExtension.class)
class OpenApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> ROUTES = Set.of("/tasks", "/tasks/{task_id}", "/tasks/{task_id}/workflow_steps",
            "/tasks/{task_id}/workflow_steps/{step_id}", "/tasks/{task_id}/workflow_steps/{step_id}/retry",
            "/tasks/{task_id}/workflow_steps/{step_id}/resolve", "/tasks/{task_id}/retry",
            "/tasks/{task_id}/transitions", "/tasks/{task_id}/diagram", "/namespaces", "/handlers",
            "/handlers/{namespace}", "/handlers/{namespace}/{name}", "/handlers/{namespace}/{name}/diagram",
            "/events", "/events/{name}", "/health/status", "/metrics", "/openapi");

    private static JsonObject schemas;

    @BeforeAll
    static void read(RunningStack stack) throws Exception {
        JsonObject document = openApi(stack.client());
        assertEquals(ROUTES, document.getJsonObject("paths").keySet());
        assertTrue(document.getJsonArray("servers").getJsonObject(0).getString("url").endsWith("/tasker"),
                document.getJsonArray("servers").toString());
        schemas = document.getJsonObject("components").getJsonObject("schemas");
    }

    @Test
    void aTaskItsStepsAndItsHistoryHaveTheDocumentedFields(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples", "context": {"fail_times": {"process_data": 1}}}""");
        JsonObject task = client.awaitFinished(taskId, Duration.ofSeconds(30));
        assertFields("Task", task);
        JsonObject step = AcceptanceChecks.step(task, "process_data");
        assertFields("Step", step);
        assertFields("StepError", step.getJsonObject("last_error"));
        assertFields("StepList", client.get("/tasks/" + taskId + "/workflow_steps").json());
        JsonObject history = client.get("/tasks/" + taskId + "/transitions").json();
        assertFields("TransitionList", history);
        assertFields("Transition", history.getJsonArray("transitions").getJsonObject(0));
        JsonObject page = client.get("/tasks?limit=1").json();
        assertFields("TaskList", page);
        Set<String> listed = new HashSet<>(properties("Task"));
        listed.removeAll(Set.of("context", "workflow_steps", "permitted"));
        assertEquals(listed, page.getJsonArray("tasks").getJsonObject(0).keySet(),
                "a list leaves out a task's context, steps and actions");
        assertFields("Diagram", json(client, "/tasks/" + taskId + "/diagram"));
        assertFields("Problem", client.get("/tasks/0").json());
        assertFields("SystemStatus", client.get("/health/status").json());
    }

    @Test
    void theEventCatalogHasTheDocumentedFields(RunningStack stack) {
        TaskerClient client = stack.client();
        JsonObject events = client.get("/events").json();
        assertFields("EventList", events);
        assertFields("Event", events.getJsonArray("events").getJsonObject(0));
        assertFields("Event", client.get("/events/step.failed").json());
    }

    @Test
    void theTemplatesHaveTheDocumentedFields(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        JsonObject namespaces = client.get("/namespaces").json();
        assertFields("NamespaceList", namespaces);
        JsonObject namespace = namespaces.getJsonArray("namespaces").getJsonObject(0);
        assertFields("Namespace", namespace);
        assertFields("TemplateSummary", namespace.getJsonArray("tasks").getJsonObject(0));
        JsonObject template = client.get("/handlers/examples/diamond_workflow").json();
        assertFields("Template", template);
        assertFields("StepTemplate", template.getJsonArray("steps").getJsonObject(0));
        assertFields("Graph", template.getJsonObject("graph"));
    }

    private static void assertFields(String schema, JsonObject answer) {
        assertEquals(properties(schema), answer.keySet(), schema + " as documented, against " + answer);
    }

    private static Set<String> properties(String schema) {
        return schemas.getJsonObject(schema).getJsonObject("properties").keySet();
    }

    private static JsonObject openApi(TaskerClient client) throws Exception {
        HttpResponse<String> response = HTTP.send(client.authorized(HttpRequest.newBuilder(
                URI.create(client.api() + "/openapi"))).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return read(response.body());
    }

    private static JsonObject json(TaskerClient client, String path) throws Exception {
        return read(HTTP.send(client.authorized(HttpRequest.newBuilder(URI.create(client.api() + path)))
                .header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
