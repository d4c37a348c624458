package io.tasker.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Two tasks of the example workflows that {@code ./tasker run} creates through the API the first time it starts on
 * an empty database, so a new user has something to look at in the dashboard: a diamond that completes, and a
 * linear workflow whose {@code process_data} fails for good, to find and fix. Never on a database that holds a
 * task, never without the examples, and never in the way of the run: a failure is one line of output.
 */
final class ExampleTasks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonObject COMPLETES = example("diamond_workflow", "an example created on the first run",
            Json.createObjectBuilder().build());
    private static final JsonObject FAILS = example("linear_workflow",
            "an example created on the first run, failing on purpose", Json.createObjectBuilder()
                    .add("fail_permanently", Json.createArrayBuilder().add("process_data"))
                    .add("failure_detail", Json.createObjectBuilder().add("process_data", "an example failure: "
                            + "resolve this step with any results, or retry it with the inputs "
                            + "{\"fail_permanently\": []}"))
                    .build());

    private final URI api;
    private final String token;

    private ExampleTasks(URI api, String token) {
        this.api = api;
        this.token = token;
    }

    /** Creates the examples' tasks when the database has none, saying so on {@code out}. */
    static void createOnFirstRun(URI api, String token, PrintStream out) {
        try {
            ExampleTasks examples = new ExampleTasks(api, token);
            if (!examples.get("/tasks?limit=1").getJsonArray("tasks").isEmpty()
                    || examples.send(examples.request("/handlers/examples"))
                    .statusCode() != 200) {
                return;
            }
            long completes = examples.create(COMPLETES);
            long fails = examples.create(FAILS);
            out.printf("Example tasks on this first run: #%d completes; #%d fails at process_data, to fix in the "
                    + "dashboard%n", completes, fails);
        } catch (IOException | RuntimeException e) {
            out.println("No example tasks were created: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonObject get(String path) throws IOException, InterruptedException {
        return json(send(request(path)), 200);
    }

    private static JsonObject example(String name, String reason, JsonObject context) {
        return Json.createObjectBuilder().add("namespace", "examples").add("name", name).add("context", context)
                .add("tags", Json.createArrayBuilder().add("example")).add("reason", reason).build();
    }

    private long create(JsonObject task) throws IOException, InterruptedException {
        return json(send(request("/tasks")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(task.toString()))), 201).getJsonNumber("task_id")
                .longValue();
    }

    // A request to a path of the API (api is the application's root, /tasker).
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(api.getPath() + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
