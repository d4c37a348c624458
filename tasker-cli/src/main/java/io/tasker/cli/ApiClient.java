package io.tasker.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Tasker's REST API, as the CLI calls it: JSON in and out, a bearer token when given, errors as exceptions. */
final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI api;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(URI api, Optional<String> token) {
        this.api = api;
        this.token = token;
    }

    JsonObject get(String path) {
        return send("GET", path, null, Map.of());
    }

    JsonObject post(String path, JsonObject body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    JsonObject delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** {@code ?name=value&...} of the parameters given, in their order; empty when none is. */
    static String query(Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .filter(parameter -> parameter.getValue() != null)
                .map(parameter -> parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(),
                        StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }

    private JsonObject send(String method, String path, JsonObject body, Map<String, String> headers) {
        URI target = URI.create(api.toString().replaceAll("/+$", "") + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        token.ifPresent(bearer -> request.header("Authorization", "Bearer " + bearer));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServerUnreachableException(api, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(api, "interrupted");
        }
        Optional<JsonObject> json = parse(response.body()).filter(JsonObject.class::isInstance)
                .map(JsonObject.class::cast);
        if (response.statusCode() / 100 != 2) {
            // Tasker answers every error with a problem document; anything else is another server or path.
            if (json.isEmpty() || !json.get().containsKey("title")) {
                throw new ServerUnreachableException(api, response.statusCode() + " " + response.headers()
                        .firstValue("Content-Type").orElse("without a content type") + " to " + method + " "
                        + target.getPath() + ", not Tasker's problem document");
            }
            throw new ApiException(method + " " + target.getPath(), response.statusCode(), json.get());
        }
        return json.orElseThrow(() -> new ServerUnreachableException(api, response.statusCode() + " to " + method
                + " " + target.getPath() + " without a JSON object"));
    }

    private static Optional<JsonStructure> parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return Optional.of(reader.read());
        } catch (JsonParsingException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
