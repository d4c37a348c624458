package io.tasker.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import io.tasker.api.StepContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP step handler against a real HTTP server on this machine. */
class HttpStepHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final HttpStepHandler handler = new HttpStepHandler(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String base;

    // Answers /<status>: that status; the request's method, headers of interest and body are kept in received.
    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/slow")) {
            sleep(3000);
        }
        int status = path.matches("/\\d{3}") ? Integer.parseInt(path.substring(1)) : 200;
        String answer = path.equals("/text") ? "plain words" : "{\"ok\": true, \"count\": 2}";
        exchange.getResponseHeaders().add("Content-Type", path.equals("/text") ? "text/plain" : "application/json");
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Retry-After"))
                .ifPresent(value -> exchange.getResponseHeaders().add("Retry-After", value));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void a2xxJsonAnswerBecomesTheResults() throws Exception {
        Map<String, Object> results = handler.handle(step(Map.of("url", base + "/orders")));

        assertEquals(200, results.get("status"));
        assertEquals(Map.of("ok", true, "count", new BigDecimal(2)), results.get("body"));
        assertEquals(List.of("GET /orders null null "), received);
    }

    @Test
    void aTextAnswerIsKeptAsText() throws Exception {
        assertEquals("plain words", handler.handle(step(Map.of("url", base + "/text"))).get("body"));
    }

    @Test
    void theBodyComesFromTheContextTheParentsOrTheConfigurationWithTheHeaders() throws Exception {
        handler.handle(step(Map.of("url", base + "/a", "method", "post", "body", "context",
                "headers", Map.of("Authorization", "Bearer s3cret"))));
        handler.handle(step(Map.of("url", base + "/b", "method", "PUT", "body", "parent_results")));
        handler.handle(step(Map.of("url", base + "/c", "method", "PATCH", "body", "context_and_parent_results",
                "headers", Map.of("Content-Type", "application/merge-patch+json"))));
        handler.handle(step(Map.of("url", base + "/d", "method", "POST", "body", Map.of("fixed", 1))));

        assertEquals(List.of(
                "POST /a application/json Bearer s3cret {\"order\":7}",
                "PUT /b application/json null {\"validate\":{\"valid\":true}}",
                "PATCH /c application/merge-patch+json null {\"context\":{\"order\":7},"
                        + "\"parent_results\":{\"validate\":{\"valid\":true}}}",
                "POST /d application/json null {\"fixed\":1}"), received);
    }

    @Test
    void tooManyRequestsAndUnavailableAreRetriedAfterWhatTheServerAsksCapped() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), retryAfterOf(429, "7", Map.of()));
        String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(NOW.plusSeconds(90), ZoneOffset.UTC));
        assertEquals(Optional.of(Duration.ofSeconds(90)), retryAfterOf(503, inNinetySeconds, Map.of()));
        assertEquals(Optional.of(Duration.ofSeconds(60)), retryAfterOf(429, "3600",
                Map.of("max_retry_after_seconds", 60)));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(NOW.minusSeconds(90), ZoneOffset.UTC));
        assertEquals(Optional.of(Duration.ZERO), retryAfterOf(503, past, Map.of()));
        assertEquals(Optional.empty(), retryAfterOf(503, "soon", Map.of()));
    }

    @Test
    void otherServerErrorsTimeoutsAndRefusedConnectionsAreRetriedWithBackOff() throws IOException {
        for (int status : List.of(500, 502, 504, 408)) {
            RetryableException retried = assertThrows(RetryableException.class,
                    () -> handler.handle(step(Map.of("url", base + "/" + status))));
            assertEquals(Optional.empty(), retried.retryAfter());
            assertTrue(retried.getMessage().contains("answered " + status), retried.getMessage());
        }
        RetryableException slow = assertThrows(RetryableException.class,
                () -> handler.handle(step(Map.of("url", base + "/slow", "timeout_seconds", 1))));
        assertTrue(slow.getMessage().contains("timed out after 1 s"), slow.getMessage());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThrows(RetryableException.class,
                () -> handler.handle(step(Map.of("url", "http://127.0.0.1:" + closedPort + "/"))));
    }

    @Test
    void clientErrorsFailTheStepForGoodWithTheirStatus() {
        for (int status : List.of(400, 401, 403, 404, 422, 409)) {
            PermanentException failed = assertThrows(PermanentException.class,
                    () -> handler.handle(step(Map.of("url", base + "/" + status))));
            assertEquals(Optional.of("HTTP_" + status), failed.errorCode());
            assertTrue(failed.getMessage().startsWith("GET " + base + "/" + status + " answered " + status + ": {"),
                    failed.getMessage());
        }
    }

    @Test
    void aBadConfigurationFailsForGoodNamingTheKey() {
        assertConfigRefused(Map.of(), "handler_config.url is required");
        assertConfigRefused(Map.of("url", "ftp://example.com/x"), "handler_config.url must be an absolute http");
        assertConfigRefused(Map.of("url", base, "method", "TRACE"), "handler_config.method must be one of");
        assertConfigRefused(Map.of("url", base, "headers", Map.of("X-Count", 3)), "handler_config.headers.X-Count");
        assertConfigRefused(Map.of("url", base, "body", "everything"), "handler_config.body must be");
        assertConfigRefused(Map.of("url", base, "timeout_seconds", 0), "handler_config.timeout_seconds");
        assertConfigRefused(Map.of("url", base, "retries", 3), "handler_config.retries is not a key");
        assertEquals(List.of(), received);
    }

    @Test
    void aSubclassShapesTheResults() throws Exception {
        HttpStepHandler counting = new HttpStepHandler() {
            @Override
            protected Map<String, Object> results(StepContext step, java.net.http.HttpResponse<String> response) {
                return Map.of("answered", response.statusCode(), "for_step", step.stepName());
            }
        };

        assertEquals(Map.of("answered", 201, "for_step", "notify"),
                counting.handle(step(Map.of("url", base + "/201"))));
    }

    private Optional<Duration> retryAfterOf(int status, String retryAfter, Map<String, Object> config) {
        Map<String, Object> call = new LinkedHashMap<>(config);
        call.put("url", base + "/" + status);
        call.put("headers", Map.of("X-Retry-After", retryAfter));
        return assertThrows(RetryableException.class, () -> handler.handle(step(call))).retryAfter();
    }

    private void assertConfigRefused(Map<String, Object> config, String expected) {
        PermanentException refused = assertThrows(PermanentException.class, () -> handler.handle(step(config)));
        assertEquals(Optional.of("HTTP_CONFIG"), refused.errorCode());
        assertTrue(refused.getMessage().startsWith(expected), refused.getMessage());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // A step of a task whose context is {"order": 7}, after a step "validate" that returned {"valid": true}.
    private static StepContext step(Map<String, Object> handlerConfig) {
        return new StepContext() {
            @Override
            public long taskId() {
                return 1;
            }

            @Override
            public String namespace() {
                return "shop";
            }

            @Override
            public String taskName() {
                return "ship_order";
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public long stepId() {
                return 2;
            }

            @Override
            public String stepName() {
                return "notify";
            }

            @Override
            public int attempt() {
                return 1;
            }

            @Override
            public Map<String, Object> taskContext() {
                return Map.of("order", 7);
            }

            @Override
            public Map<String, Object> handlerConfig() {
                return handlerConfig;
            }

            @Override
            public Map<String, Map<String, Object>> parentResults() {
                return Map.of("validate", Map.of("valid", true));
            }
        };
    }
}
