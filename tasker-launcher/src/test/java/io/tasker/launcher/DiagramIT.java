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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /tasker/tasks/{task_id}/diagram} and {@code GET /tasker/handlers/{namespace}/{name}/diagram}: a
 * Mermaid flowchart or its nodes and edges, as the request accepts, coloured by the steps' states.
 */
@ExtendWith(TaskerStackExtension.class)
class DiagramIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aTasksDiagramShowsItsStepsByStateInTheFormAccepted(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"fail_permanently": ["process_data"]}}""");
        JsonObject task = client.awaitFinished(taskId, Duration.ofSeconds(30));
        long validated = AcceptanceChecks.step(task, "validate_input").getJsonNumber("workflow_step_id").longValue();
        long failed = AcceptanceChecks.step(task, "process_data").getJsonNumber("workflow_step_id").longValue();
        String path = "/tasks/" + taskId + "/diagram";

        HttpResponse<String> json = get(client, path, "application/json");
        assertEquals(200, json.statusCode(), json.body());
        JsonObject diagram = read(json.body());
        Map<String, String> states = diagram.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(node -> node.getString("name"), node -> node.getString("status")));
        assertEquals("complete", states.get("initialize_data"));
        assertEquals("error", states.get("process_data"));
        assertEquals("pending", states.get("transform_results"));
        JsonObject failedNode = diagram.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(node -> node.getString("name").equals("process_data")).findFirst().orElseThrow();
        assertEquals("#d32f2f", failedNode.getString("colour"));
        assertTrue(failedNode.getString("last_error").startsWith("scripted permanent failure"), failedNode.toString());
        assertTrue(diagram.getJsonArray("edges").contains(Json.createObjectBuilder()
                .add("from", "step_" + validated).add("to", "step_" + failed).build()), diagram.toString());

        for (String accept : List.of("text/vnd.mermaid", "text/plain", "*/*")) {
            HttpResponse<String> mermaid = get(client, path, accept);
            assertEquals(200, mermaid.statusCode(), accept + ": " + mermaid.body());
            String text = mermaid.body();
            assertTrue(mermaid.headers().firstValue("Content-Type").orElse("").startsWith(
                    accept.equals("text/plain") ? "text/plain" : "text/vnd.mermaid"), accept);
            assertTrue(text.contains("flowchart TD\n"), text);
            assertTrue(text.contains("    step_" + validated + " --> step_" + failed + "\n"), text);
            assertTrue(text.contains("    class step_" + failed + " error\n"), text);
            assertTrue(text.contains("    classDef error fill:#d32f2f\n"), text);
        }

        assertEquals(406, get(client, path, "image/png").statusCode());
        HttpResponse<String> missing = get(client, "/tasks/9223372036854775807/diagram", "text/vnd.mermaid");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
        assertEquals(400, get(client, "/tasks/seven/diagram", "application/json").statusCode());
    }

    @Test
    void aTemplatesDiagramShowsItsStepsAndDependencies(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        String path = "/handlers/examples/diamond_workflow/diagram";
        JsonObject diagram = read(get(client, path + "?version=1.0.0", "application/json").body());
        assertEquals("examples.diamond_workflow@1.0.0", diagram.getString("title"));
        assertEquals(7, diagram.getJsonArray("nodes").size());
        assertEquals(7, diagram.getJsonArray("edges").size());
        assertEquals("start_workflow", diagram.getJsonArray("nodes").getJsonObject(0).getString("name"));

        String text = get(client, path, "text/vnd.mermaid").body();
        assertTrue(text.contains("    step_0[\"start_workflow\"]\n"), text);
        assertTrue(text.contains("    step_0 --> step_1\n"), text);
        assertEquals(404, get(client, "/handlers/examples/no_such_task/diagram", "text/plain").statusCode());
        assertEquals(400, get(client, path + "?version=latest", "application/json").statusCode());
    }

    private static HttpResponse<String> get(TaskerClient client, String path, String accept) throws Exception {
        return HTTP.send(client.authorized(HttpRequest.newBuilder(URI.create(client.api() + path)))
                        .header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
