package io.tasker.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The public interface the benchmark drives: creating tasks and reading them back. */
public final class TaskerApi {

    private static final Set<String> FINISHED = Set.of("complete", "error", "cancelled", "resolved_manually");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    // Json.createReader loads the JSON provider through the ServiceLoader (a class path scan) on every call.
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private final URI tasks;
    private final Optional<String> authorization;

    /**
     * @param api the API's base address, e.g. {@code http://localhost:8080/tasker}
     * @param token the bearer token every request carries, when the server needs one
     */
    public TaskerApi(URI api, Optional<String> token) {
        this.tasks = URI.create(api.toString().replaceAll("/+$", "") + "/tasks");
        this.authorization = token.map(bearer -> "Bearer " + bearer);
    }

    /**
     * Creates a task; returns its id. It asks for a minimal answer (RFC 7240), the id only: it reads the task
     * once it has finished.
     *
     * @throws IllegalStateException unless the API answers 201
     */
    public long create(String body) {
        Response response = send(tasks, body);
        if (response.status() != 201) {
            throw new IllegalStateException("creating a task answered " + response.status() + ": " + response.body());
        }
        return response.json().getJsonNumber("task_id").longValue();
    }

    /** Reads a task and its steps. */
    public JsonObject task(long taskId) {
        Response response = send(URI.create(tasks + "/" + taskId), null);
        if (response.status() != 200) {
            throw new IllegalStateException("reading task " + taskId + " answered " + response.status() + ": "
                    + response.body());
        }
        return response.json();
    }

    /**
     * Reads a page of the task list for the query (e.g. {@code namespace=bench&status=complete}).
     *
     * @throws IllegalStateException unless the API answers 200
     */
    public JsonObject list(String query) {
        Response response = send(URI.create(tasks + "?" + query), null);
        if (response.status() != 200) {
            throw new IllegalStateException("listing " + query + " answered " + response.status() + ": "
                    + response.body());
        }
        return response.json();
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

    // A GET, or a POST of the JSON body that asks for a minimal answer (RFC 7240), over HTTP/1.1 with keep-alive
    // through the JDK's blocking client: the exchange runs on the calling thread. The asynchronous java.net.http
    // client hands each exchange between threads, and the benchmark shares the server's cores: it cost twice the
    // CPU per request. The answer is read whole, so the connection goes back to the keep-alive cache.
    private Response send(URI uri, String jsonBody) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
            authorization.ifPresent(value -> connection.setRequestProperty("Authorization", value));
            if (jsonBody != null) {
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setRequestProperty("Prefer", "return=minimal");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(jsonBody.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Tasker API at " + tasks + " did not answer", e);
        }
    }

    private record Response(int status, String body) {

        JsonObject json() {
            try (JsonReader reader = JSON.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }
}
