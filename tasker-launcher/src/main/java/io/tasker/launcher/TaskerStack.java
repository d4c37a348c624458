package io.tasker.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Everything Tasker needs, started in order and stopped in reverse: PostgreSQL (unless an external one is
 * configured), the Artemis broker (likewise), then a Payara Micro node with Tasker deployed. All data lives under
 * the data directory: {@code postgres/}, {@code broker/}, {@code nodes/} and {@code logs/}.
 */
public final class TaskerStack implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final LauncherSettings settings;
    private final RuntimeArtifacts artifacts;
    private LauncherSettings.DatabaseAddress database;
    private LauncherSettings.BrokerAddress broker;
    private PayaraNode node;

    private TaskerStack(LauncherSettings settings, RuntimeArtifacts artifacts) {
        this.settings = settings;
        this.artifacts = artifacts;
    }

    /**
     * Starts the stack and waits until the node is ready. {@code nodeSettings} are extra environment variables for
     * the node (Tasker settings such as {@code TASKER_BACKOFF_JITTER_ENABLED}).
     */
    public static TaskerStack start(LauncherSettings settings, Map<String, String> nodeSettings, PrintStream out)
            throws Exception {
        TaskerStack stack = new TaskerStack(settings, RuntimeArtifacts.locate());
        try {
            stack.startDatabase(out);
            stack.startBroker(out);
            stack.node = stack.startNode(settings.nodeName(), settings.httpPort(), nodeSettings, out);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startDatabase(PrintStream out) throws Exception {
        if (settings.externalDatabase().isPresent()) {
            database = settings.externalDatabase().get();
            out.println("Using PostgreSQL at " + database.jdbcUrl());
            return;
        }
        long began = System.nanoTime();
        PostgresServer postgres = PostgresServer.start(settings.dataDir().resolve("postgres"),
                settings.databasePort(), logs().resolve("postgres.log"));
        started.push(postgres);
        database = postgres.address();
        out.printf("PostgreSQL started on port %d (%d ms)%n", postgres.port(), millisSince(began));
    }

    private void startBroker(PrintStream out) throws Exception {
        if (settings.externalBroker().isPresent()) {
            broker = settings.externalBroker().get();
            out.println("Using Artemis at tcp://" + broker.host() + ":" + broker.port());
            return;
        }
        long began = System.nanoTime();
        ArtemisBroker artemis = ArtemisBroker.start(settings.dataDir().resolve("broker"), settings.brokerPort());
        started.push(artemis);
        broker = artemis.address();
        out.printf("Artemis started on port %d (%d ms)%n", broker.port(), millisSince(began));
    }

    /** Starts another node against the same database and broker and waits until it is ready. */
    public PayaraNode startNode(String name, int httpPort, Map<String, String> nodeSettings, PrintStream out)
            throws Exception {
        long began = System.nanoTime();
        PayaraNode started = PayaraNode.start(artifacts, new PayaraNode.Spec(name, httpPort,
                settings.dataDir().resolve("nodes"), database, broker, settings.jvmOptions(), nodeSettings));
        try {
            started.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException | InterruptedException e) {
            started.close();
            throw e;
        }
        this.started.push(started);
        out.printf("Payara Micro %s ready on port %d (%d ms, log %s)%n", name, httpPort, millisSince(began),
                started.logFile());
        return started;
    }

    /** The first node. */
    public PayaraNode node() {
        return node;
    }

    public URI apiUri() {
        return node.apiUri();
    }

    public LauncherSettings.DatabaseAddress database() {
        return database;
    }

    public Path logs() {
        return settings.dataDir().resolve("logs");
    }

    /** Stops what was started, last first; a failure to stop one does not keep the others running. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + component + ": " + e);
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
