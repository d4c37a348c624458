package io.tasker.api.http;

import io.tasker.api.PermanentException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The call a step's {@code handler_config} describes for {@link HttpStepHandler} ({@code ${NAME}} placeholders in
 * it are expanded by the engine at boot, from MicroProfile Config and the environment):
 * <ul>
 *   <li>{@code url} (required): an absolute {@code http} or {@code https} URL;</li>
 *   <li>{@code method}: {@code GET} (the default), {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE};</li>
 *   <li>{@code headers}: an object of header names and string values;</li>
 *   <li>{@code body}: {@code context}, {@code parent_results}, {@code context_and_parent_results}, or an object
 *       sent as it is; sent as JSON ({@code Content-Type: application/json} unless a header says otherwise); none by
 *       default;</li>
 *   <li>{@code timeout_seconds}: how long the whole request may take (default 30);</li>
 *   <li>{@code max_retry_after_seconds}: the longest {@code Retry-After} honoured (default 300).</li>
 * </ul>
 * A configuration that breaks these rules fails the step for good (error code {@code HTTP_CONFIG}), naming the key.
 */
public final class HttpCall {

    /** Where the request body comes from. */
    public enum BodySource {
        CONTEXT,
        PARENT_RESULTS,
        CONTEXT_AND_PARENT_RESULTS,
        LITERAL
    }

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> KEYS = Set.of("url", "method", "headers", "body", "timeout_seconds",
            "max_retry_after_seconds");

    private final URI url;
    private final String method;
    private final Map<String, String> headers;
    private final BodySource body;
    private final Map<String, Object> literalBody;
    private final Duration timeout;
    private final Duration maxRetryAfter;

    private HttpCall(URI url, String method, Map<String, String> headers, BodySource body,
                     Map<String, Object> literalBody, Duration timeout, Duration maxRetryAfter) {
        this.url = url;
        this.method = method;
        this.headers = headers;
        this.body = body;
        this.literalBody = literalBody;
        this.timeout = timeout;
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * @throws PermanentException naming the key that is missing or wrong
     */
    public static HttpCall of(Map<String, Object> config) {
        for (String key : config.keySet()) {
            if (!KEYS.contains(key)) {
                throw invalid(key, "is not a key of the HTTP step handler; use " + KEYS);
            }
        }
        URI url = url(config.get("url"));
        String method = config.getOrDefault("method", "GET").toString().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw invalid("method", "must be one of " + METHODS + ", got '" + config.get("method") + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Object headerConfig = config.getOrDefault("headers", Map.of());
        if (!(headerConfig instanceof Map<?, ?> given)) {
            throw invalid("headers", "must be an object of header names and values");
        }
        given.forEach((name, value) -> {
            if (!(value instanceof String text)) {
                throw invalid("headers." + name, "must be a string");
            }
            headers.put(name.toString(), text);
        });
        Object bodyConfig = config.get("body");
        BodySource body = null;
        Map<String, Object> literalBody = null;
        if (bodyConfig instanceof Map<?, ?> literal) {
            body = BodySource.LITERAL;
            literalBody = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : literal.entrySet()) {
                literalBody.put(entry.getKey().toString(), entry.getValue());
            }
        } else if (bodyConfig != null) {
            body = bodySource(bodyConfig.toString());
        }
        return new HttpCall(url, method, Map.copyOf(headers), body, literalBody,
                seconds(config, "timeout_seconds", 30), seconds(config, "max_retry_after_seconds", 300));
    }

    HttpRequest request(String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout);
        headers.forEach(request::header);
        if (json != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        return request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    public URI url() {
        return url;
    }

    public String method() {
        return method;
    }

    /** Where the body comes from; empty when the request has none. */
    public Optional<BodySource> body() {
        return Optional.ofNullable(body);
    }

    /** The object {@code body} gives, when it gives one. */
    public Map<String, Object> literalBody() {
        return literalBody;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public String toString() {
        return method + " " + url;
    }

    private static URI url(Object value) {
        if (value == null) {
            throw invalid("url", "is required");
        }
        try {
            URI url = new URI(value.toString());
            if (!url.isAbsolute() || !Set.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))
                    || url.getHost() == null) {
                throw invalid("url", "must be an absolute http or https URL, got '" + value + "'");
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid("url", "is not a URL: " + e.getMessage());
        }
    }

    private static BodySource bodySource(String value) {
        for (BodySource source : BodySource.values()) {
            if (source != BodySource.LITERAL && source.name().equalsIgnoreCase(value)) {
                return source;
            }
        }
        throw invalid("body", "must be context, parent_results, context_and_parent_results or an object, got '"
                + value + "'");
    }

    private static Duration seconds(Map<String, Object> config, String key, long fallback) {
        Object value = config.get(key);
        if (value == null) {
            return Duration.ofSeconds(fallback);
        }
        if (!(value instanceof Number number) || number.doubleValue() <= 0 || number.doubleValue() > 86_400
                || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw invalid(key, "must be a whole number of seconds from 1 to 86400, got '" + value + "'");
        }
        return Duration.ofSeconds(number.longValue());
    }

    private static PermanentException invalid(String key, String problem) {
        return new PermanentException("handler_config." + key + " " + problem, "HTTP_CONFIG");
    }
}
