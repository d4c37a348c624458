package io.tasker.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The public interface the benchmark drives: creating tasks and reading them back. */
public final class TaskerApi {

    private static final Set<String> FINISHED = Set.of("complete", "error", "cancelled", "resolved_manually");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    // Json.createReader loads the JSON provider through the ServiceLoader (a class path scan) on every call.
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    // HTTP/1.1 with keep-alive, as most REST clients; the JDK client would otherwise upgrade to cleartext HTTP/2.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tasks;

    /** @param api the API's base address, e.g. {@code http://localhost:8080/tasker} */
    public TaskerApi(URI api) {
        this.tasks = URI.create(api.toString().replaceAll("/+$", "") + "/tasks");
    }

    /**
     * Creates a task; returns its id. It asks for a minimal answer (RFC 7240), the id only: it reads the task
     * once it has finished.
     *
     * @throws IllegalStateException unless the API answers 201
     */
    public long create(String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(tasks)
                .header("Content-Type", "application/json")
                .header("Prefer", "return=minimal")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a task answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response).getJsonNumber("task_id").longValue();
    }

    /** Reads a task and its steps. */
    public JsonObject task(long taskId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tasks + "/" + taskId)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("reading task " + taskId + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response);
    }

    /**
     * Polls a task every {@code interval} until it has finished (in any final state).
     *
     * @throws IllegalStateException when it has not finished by the deadline
     */
    public FinishedTask awaitFinished(long taskId, Duration interval, Instant deadline) throws InterruptedException {
        JsonObject task = task(taskId);
        while (!FINISHED.contains(task.getString("status"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("task " + taskId + " has not finished: " + task.getString("status"));
            }
            Thread.sleep(interval.toMillis());
            task = task(taskId);
        }
        return FinishedTask.of(task);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the Tasker API at " + tasks + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = JSON.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
