package io.tasker.api.http;

import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import io.tasker.api.StepContext;
import io.tasker.api.StepHandler;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A step that calls an HTTP endpoint, configured by the step's {@code handler_config} alone (see {@link HttpCall}
 * for the keys): name {@code io.tasker.api.http.HttpStepHandler} as the step's {@code handler_class}. The engine
 * makes it a CDI bean; a subclass of your own (a bean like any handler) can shape the request body and the results.
 *
 * <p>The response decides the attempt: 2xx succeeds; 429 and 503 are retried, after the {@code Retry-After} the
 * server asks for (seconds or an HTTP date, capped by {@code max_retry_after_seconds}) or else the step's back-off;
 * other 5xx, 408, a timeout and a connection failure are retried with back-off; 400, 401, 403, 404, 422 and every
 * other status fail the step for good, with the error code {@code HTTP_<status>}.
 */
public class HttpStepHandler implements StepHandler {

    private static final Set<Integer> RETRY_AFTER_STATUSES = Set.of(429, 503);
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private final Clock clock;

    public HttpStepHandler() {
        this(Clock.systemUTC());
    }

    /** With the clock an HTTP-date {@code Retry-After} is read against. */
    protected HttpStepHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handle(StepContext step) throws InterruptedException {
        HttpCall call = HttpCall.of(step.handlerConfig());
        HttpResponse<String> response;
        try {
            response = CLIENT.send(call.request(body(step, call)), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new RetryableException(call + " timed out after " + call.timeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new RetryableException(call + " failed: " + e, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return results(step, response);
        }
        String failure = call + " answered " + status + snippet(response.body());
        if (RETRY_AFTER_STATUSES.contains(status)) {
            throw new RetryableException(failure, retryAfter(response, call.maxRetryAfter()).orElse(null));
        }
        if (status >= 500 || status == 408) {
            throw new RetryableException(failure);
        }
        throw new PermanentException(failure, "HTTP_" + status);
    }

    /**
     * The request's body, as JSON text, or null for none. By default what {@code handler_config}'s {@code body}
     * names: {@code context} (the task's context), {@code parent_results} (the results of the steps this one depends
     * on, by step name), {@code context_and_parent_results} (an object of both) or an object given in the
     * configuration.
     */
    protected String body(StepContext step, HttpCall call) {
        return call.body().map(source -> JSONB.toJson(switch (source) {
            case CONTEXT -> step.taskContext();
            case PARENT_RESULTS -> step.parentResults();
            case CONTEXT_AND_PARENT_RESULTS -> {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("context", step.taskContext());
                both.put("parent_results", step.parentResults());
                yield both;
            }
            case LITERAL -> call.literalBody();
        })).orElse(null);
    }

    /**
     * The step's results from a 2xx response. By default {@code status} and {@code body}: the body parsed when the
     * response is JSON ({@code application/json} or {@code +json}), else its text.
     */
    protected Map<String, Object> results(StepContext step, HttpResponse<String> response) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("status", response.statusCode());
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase();
        boolean json = contentType.startsWith("application/json") || contentType.contains("+json");
        if (!json || response.body().isBlank()) {
            results.put("body", response.body());
            return results;
        }
        try {
            results.put("body", JSONB.fromJson(response.body(), Object.class));
        } catch (JsonbException e) {
            throw new PermanentException("the answer's body is not the JSON its Content-Type says: " + e.getMessage()
                    + snippet(response.body()), "HTTP_BAD_JSON", e);
        }
        return results;
    }

    /** How long the response asks to wait, capped; empty without a {@code Retry-After} this handler can read. */
    Optional<Duration> retryAfter(HttpResponse<?> response, Duration cap) {
        return response.headers().firstValue("Retry-After").map(String::trim).flatMap(this::parseRetryAfter)
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .map(wait -> wait.compareTo(cap) > 0 ? cap : wait);
    }

    private Optional<Duration> parseRetryAfter(String value) {
        if (value.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Optional.of(Duration.between(clock.instant(), at.toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // The start of a failed response's body, for the step's error.
    private static String snippet(String body) {
        String text = body == null ? "" : body.strip();
        return text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }
}
