package io.tasker.launcher;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A small OTLP receiver (HTTP, protobuf) for the test nodes' spans: it keeps every span the nodes export, for tests
 * to look at their names, attributes and parents.
 */
final class TraceReceiver implements AutoCloseable {

    /** A received span. */
    record Span(String traceId, String spanId, String parentSpanId, String name, String kind,
                Map<String, String> attributes) {

        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private TraceReceiver(HttpServer server) {
        this.server = server;
    }

    static TraceReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TraceReceiver receiver = new TraceReceiver(server);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                receiver.keep(ExportTraceServiceRequest.parseFrom(body));
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return receiver;
    }

    /** The settings that make a node export its spans here, at once (OpenTelemetry's own variables). */
    Map<String, String> nodeSettings() {
        return Map.of(
                "OTEL_SDK_DISABLED", "false",
                "OTEL_SERVICE_NAME", "tasker-it",
                "OTEL_TRACES_EXPORTER", "otlp",
                "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "none",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
                "OTEL_BSP_SCHEDULE_DELAY", "100");
    }

    private void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (KeyValue attribute : span.getAttributesList()) {
                        var value = attribute.getValue();
                        attributes.put(attribute.getKey(), value.hasIntValue() ? Long.toString(value.getIntValue())
                                : value.getStringValue());
                    }
                    spans.add(new Span(hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
                            span.getKind().name(), attributes));
                }
            }
        }
    }

    /** The spans received so far, once one matches {@code awaited}. */
    List<Span> await(Predicate<Span> awaited, Duration timeout) throws InterruptedException {
        return awaitAll(received -> received.stream().anyMatch(awaited), timeout);
    }

    /**
     * The spans received so far, once they satisfy {@code awaited}: spans arrive in the batches a node exports, so a
     * span that ended later may arrive before one that ended earlier.
     */
    List<Span> awaitAll(Predicate<List<Span>> awaited, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!awaited.test(List.copyOf(spans))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no such spans within " + timeout + "; received " + spans.size());
            }
            Thread.sleep(50);
        }
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
