package io.tasker.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Tasker needs, started in order and stopped in reverse: PostgreSQL (unless an external one is
 * configured), the Artemis broker (likewise), then Payara Micro nodes with Tasker deployed. All data lives under
 * the data directory: {@code postgres/}, {@code broker/}, {@code nodes/} and {@code logs/}.
 */
public final class TaskerStack implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final LauncherSettings settings;
    private final RuntimeArtifacts artifacts;
    private final PrintStream out;
    private final List<PayaraNode> nodes = new ArrayList<>();
    private PostgresServer postgres;
    private ArtemisBroker artemis;
    private LauncherSettings.DatabaseAddress database;
    private LauncherSettings.BrokerAddress broker;
    private Optional<DevelopmentKeys> keys = Optional.empty();

    private TaskerStack(LauncherSettings settings, RuntimeArtifacts artifacts, PrintStream out) {
        this.settings = settings;
        this.artifacts = artifacts;
        this.out = out;
    }

    /**
     * Starts the stack and waits until its first node is ready. {@code nodeSettings} are extra environment
     * variables for the node (Tasker settings such as {@code TASKER_BACKOFF_JITTER_ENABLED}).
     */
    public static TaskerStack start(LauncherSettings settings, Map<String, String> nodeSettings, PrintStream out)
            throws Exception {
        return start(settings, RuntimeArtifacts.locate(), nodeSettings, out);
    }

    /** Starts the stack with the given files for its nodes. */
    public static TaskerStack start(LauncherSettings settings, RuntimeArtifacts artifacts,
                                    Map<String, String> nodeSettings, PrintStream out) throws Exception {
        TaskerStack stack = new TaskerStack(settings, artifacts, out);
        try {
            stack.startDatabase();
            stack.startBroker();
            stack.keys = developmentKeys(settings, System.getenv());
            stack.startNode(settings.nodeName(), settings.httpPort(), nodeSettings);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startDatabase() throws Exception {
        if (settings.externalDatabase().isPresent()) {
            database = settings.externalDatabase().get();
            out.println("Using PostgreSQL at " + database.jdbcUrl());
            return;
        }
        long began = System.nanoTime();
        postgres = PostgresServer.start(settings.dataDir().resolve("postgres"), settings.databasePort(),
                logs().resolve("postgres.log"));
        database = postgres.address();
        out.printf("PostgreSQL started on port %d (%d ms)%n", postgres.port(), millisSince(began));
    }

    private void startBroker() throws Exception {
        if (settings.externalBroker().isPresent()) {
            broker = settings.externalBroker().get();
            out.println("Using Artemis at tcp://" + broker.host() + ":" + broker.port());
            return;
        }
        long began = System.nanoTime();
        artemis = ArtemisBroker.start(settings.dataDir().resolve("broker"), settings.brokerPort());
        broker = artemis.address();
        out.printf("Artemis started on port %d (%d ms)%n", broker.port(), millisSince(began));
    }

    /**
     * The keys the nodes trust, made under the data directory on first start; none when the environment configures
     * MicroProfile JWT itself (MP_JWT_VERIFY_*: the user's identity provider).
     */
    static Optional<DevelopmentKeys> developmentKeys(LauncherSettings settings, Map<String, String> environment)
            throws IOException {
        if (environment.keySet().stream().anyMatch(name -> name.startsWith("MP_JWT_VERIFY_"))) {
            return Optional.empty();
        }
        return Optional.of(DevelopmentKeys.openOrCreate(keysDirectory(settings)));
    }

    /** Where the embedded default keeps its development keys. */
    static Path keysDirectory(LauncherSettings settings) {
        return settings.dataDir().resolve("keys");
    }

    /**
     * Where {@code ./tasker run} keeps them, run from this directory with this environment.
     *
     * @throws IllegalArgumentException naming a variable of the environment that is unusable
     */
    static Path keysDirectoryOfThisRun() {
        return keysDirectory(LauncherSettings.fromEnvironment(System.getenv(), Path.of("")));
    }

    /** The development keys the nodes trust, unless the environment configures MicroProfile JWT itself. */
    public Optional<DevelopmentKeys> keys() {
        return keys;
    }

    /** Starts another node against the same database and broker and waits until it is ready. */
    public PayaraNode startNode(String name, int httpPort, Map<String, String> nodeSettings) throws Exception {
        return startNode(name, httpPort, nodeSettings, artifacts);
    }

    /** Starts another node whose application also holds these workflow jars. */
    public PayaraNode startNode(String name, int httpPort, Map<String, String> nodeSettings, Workflows workflows)
            throws Exception {
        return startNode(name, httpPort, nodeSettings, artifacts.with(workflows));
    }

    private PayaraNode startNode(String name, int httpPort, Map<String, String> nodeSettings,
                                 RuntimeArtifacts application) throws Exception {
        long began = System.nanoTime();
        PayaraNode node = bootNode(name, httpPort, nodeSettings, application, true);
        nodes.add(node);
        out.printf("Payara Micro %s ready on port %d (%d ms, log %s)%n", name, httpPort, millisSince(began),
                node.logFile());
        return node;
    }

    // A boot whose resource adapter failed to deploy gets one more start: Payara Micro failed so, inside its own
    // connector deployment, once in our CI runs (see docs/deployment.md); a second failure is reported.
    private PayaraNode bootNode(String name, int httpPort, Map<String, String> nodeSettings,
                                RuntimeArtifacts application, boolean mayBootAgain) throws Exception {
        Map<String, String> allSettings = new HashMap<>();
        keys.ifPresent(trusted -> allSettings.putAll(trusted.nodeSettings()));
        allSettings.putAll(nodeSettings);
        PayaraNode node = PayaraNode.start(application, new PayaraNode.Spec(name, httpPort,
                settings.dataDir().resolve("nodes"), database, broker, settings.jvmOptions(), allSettings,
                settings.openServerEndpoints()));
        try {
            node.awaitReady(READY_TIMEOUT);
            return node;
        } catch (RuntimeException | InterruptedException e) {
            node.close();
            if (mayBootAgain && node.resourceAdapterFailedToDeploy()) {
                out.printf("Payara Micro %s failed to deploy the Artemis resource adapter (log %s);"
                        + " starting it again%n", name, node.logFile());
                return bootNode(name, httpPort, nodeSettings, application, false);
            }
            throw e;
        }
    }

    /** Stops a node (it may have died already) and forgets it. */
    public void stopNode(PayaraNode node) throws InterruptedException {
        nodes.remove(node);
        node.close();
    }

    /** Stops the embedded broker and starts it again on its journal, as a broker restart would. */
    public void restartBroker() throws Exception {
        artemis.close();
        artemis = ArtemisBroker.start(settings.dataDir().resolve("broker"), broker.port());
    }

    /** Stops the embedded PostgreSQL (fast shutdown) and starts it again on its data, on the same port. */
    public void restartDatabase() throws Exception {
        stopDatabase();
        resumeDatabase();
    }

    /** Stops the embedded PostgreSQL (fast shutdown), as an outage would; {@link #resumeDatabase()} ends it. */
    public void stopDatabase() throws Exception {
        postgres.close();
    }

    /** Starts the embedded PostgreSQL again on its data and its port, after {@link #stopDatabase()}. */
    public void resumeDatabase() throws Exception {
        postgres = PostgresServer.start(settings.dataDir().resolve("postgres"), postgres.port(),
                logs().resolve("postgres.log"));
    }

    /** The first node. */
    public PayaraNode node() {
        return nodes.get(0);
    }

    public URI apiUri() {
        return node().apiUri();
    }

    /** Has PostgreSQL write every changed page to disk now, as its periodic checkpoint would. */
    public void checkpointDatabase() throws SQLException {
        postgres.checkpoint();
    }

    public LauncherSettings.DatabaseAddress database() {
        return database;
    }

    public LauncherSettings.BrokerAddress broker() {
        return broker;
    }

    public Path logs() {
        return settings.dataDir().resolve("logs");
    }

    /** Stops the nodes (last started first), then the broker and the database; a failure does not stop the rest. */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            stopQuietly(nodes.get(i));
        }
        nodes.clear();
        stopQuietly(artemis);
        stopQuietly(postgres);
    }

    private static void stopQuietly(AutoCloseable component) {
        if (component == null) {
            return;
        }
        try {
            component.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + component + ": " + e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
