package io.tasker.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The remote service the test nodes' HTTP steps call (it-templates/http_workflow.yaml), at the address the nodes get
 * as {@code IT_HTTP_STUB_URL}. {@code /orders} answers an order as JSON; {@code /busy-once} answers 429 with
 * {@code Retry-After: 1} to the first request of a body, then echoes the body as JSON; {@code /<status>} answers
 * that status. It keeps every request.
 */
final class HttpStub implements AutoCloseable {

    /** A request the stub received. */
    record Request(Instant at, String method, String path, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private HttpStub(HttpServer server) {
        this.server = server;
    }

    static HttpStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpStub stub = new HttpStub(server);
        server.createContext("/", stub::answer);
        server.start();
        return stub;
    }

    /** What the nodes need to call the stub. */
    Map<String, String> nodeSettings() {
        return Map.of("IT_HTTP_STUB_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests whose body holds the text, in the order they came. */
    List<Request> requestsWith(String text) {
        return requests.stream().filter(request -> request.body().contains(text)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(Instant.now(), exchange.getRequestMethod(), path, body));
        String kind = path.substring(1);
        if (kind.equals("orders")) {
            send(exchange, 200, "{\"order\": 7, \"items\": 3}");
        } else if (kind.equals("busy-once") && requests.stream().filter(request -> request.body().equals(body))
                .count() == 1) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, "{\"error\": \"busy\"}");
        } else if (kind.equals("busy-once")) {
            send(exchange, 200, body.isEmpty() ? "{}" : body);
        } else {
            send(exchange, kind.matches("\\d{3}") ? Integer.parseInt(kind) : 404, "{\"error\": \"" + kind + "\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
