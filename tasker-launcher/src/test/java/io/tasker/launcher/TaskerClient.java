package io.tasker.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** A small HTTP client of the Tasker API for the integration tests. */
public final class TaskerClient {

    private static final Set<String> FINISHED = Set.of("complete", "error", "cancelled", "resolved_manually");
    // HTTP/1.1, as curl and most API clients speak it: over HTTP/2 (the JDK's default, upgraded in clear text) Payara
    // resets a stream whose header HTTP/2 forbids (a value ending in a space), and its connection served no more
    // requests after our fuzzing.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // application/json and its kin (application/problem+json).
    private static final Pattern JSON = Pattern.compile("application/([a-z.+-]*\\+)?json");

    private final URI api;
    private final Optional<String> token;

    /** A client of the API at {@code api} whose requests carry {@code token} as their bearer token, when given. */
    TaskerClient(URI api, Optional<String> token) {
        this.api = api;
        this.token = token;
    }

    /** The same API with another token, or none. */
    public TaskerClient withToken(Optional<String> other) {
        return new TaskerClient(api, other);
    }

    /** Another node's API, with the same token. */
    public TaskerClient at(URI otherApi) {
        return new TaskerClient(otherApi, token);
    }

    /** Adds the client's token to a request built elsewhere. */
    public HttpRequest.Builder authorized(HttpRequest.Builder request) {
        token.ifPresent(bearer -> request.header("Authorization", "Bearer " + bearer));
        return request;
    }

    /** An answer of the API: status, headers and the parsed body (null when empty). */
    public record Reply(int status, HttpHeaders headers, JsonStructure body) {

        public JsonObject json() {
            return body.asJsonObject();
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public Optional<String> location() {
            return headers.firstValue("Location");
        }
    }

    /** The API's base address, e.g. {@code http://localhost:8080/tasker}. */
    public URI api() {
        return api;
    }

    public Reply post(String path, String json) {
        return post(path, "application/json", json);
    }

    public Reply post(String path, String contentType, String body) {
        return post(path, body, Map.of("Content-Type", contentType));
    }

    /** Posts {@code body} with these headers. */
    public Reply post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(api.getPath() + path));
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply patch(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(api.resolve(api.getPath() + path)).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(api.resolve(api.getPath() + path)).DELETE());
    }

    /** Any request: {@code body} null for none. */
    public Reply send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(api.getPath() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(api.resolve(api.getPath() + path)).GET());
    }

    /** Creates a task and returns its id, failing unless the API answers 201. */
    public long createTask(String json) {
        Reply reply = post("/tasks", json);
        if (reply.status() != 201) {
            throw new AssertionError("expected 201, got " + reply.status() + ": " + reply.body());
        }
        return reply.json().getJsonNumber("task_id").longValue();
    }

    /** Polls the task until it is finished (complete, error, cancelled, resolved) or the deadline passes. */
    public JsonObject awaitFinished(long taskId, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject task = get("/tasks/" + taskId).json();
        while (!FINISHED.contains(task.getString("status"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("task " + taskId + " not finished within " + timeout + ": " + task);
            }
            Thread.sleep(50);
            task = get("/tasks/" + taskId).json();
        }
        return task;
    }

    /** Polls the task's step until it meets the condition or the deadline passes; returns the step. */
    public JsonObject awaitStep(long taskId, String name, Predicate<JsonObject> condition, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject step = AcceptanceChecks.step(get("/tasks/" + taskId).json(), name);
        while (!condition.test(step)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("step " + name + " of task " + taskId + " never got there: " + step);
            }
            Thread.sleep(20);
            step = AcceptanceChecks.step(get("/tasks/" + taskId).json(), name);
        }
        return step;
    }

    /** {@link #awaitStep} until the step is in the status. */
    public JsonObject awaitStepStatus(long taskId, String name, String status, Duration timeout)
            throws InterruptedException {
        return awaitStep(taskId, name, step -> status.equals(step.getString("status")), timeout);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(authorized(request).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonStructure body = null;
            // The server's own error page (for a token it refused) is not JSON.
            boolean json = JSON.matcher(response.headers().firstValue("Content-Type").orElse("")).lookingAt();
            if (json && !response.body().isBlank()) {
                try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                    body = reader.read();
                }
            }
            return new Reply(response.statusCode(), response.headers(), body);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
