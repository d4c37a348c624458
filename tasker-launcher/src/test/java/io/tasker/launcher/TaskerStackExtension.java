package io.tasker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Boots the real stack (PostgreSQL, Artemis, Payara Micro with the built WAR) once per test run and shares it
 * between test classes; it is stopped when the run ends. Tests receive a {@link RunningStack}.
 */
public class TaskerStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /**
     * Settings of the test node: the back-off is 1, 2, 4 s without jitter, so waits are exact; leases (of claims and
     * of event cursors) and the sweep are short so recovery tests take seconds; the test templates are loaded
     * besides the examples; events also go to the topic, and the examples' event ledger records every one (and
     * refuses those of tasks whose correlation id says so).
     */
    static final Map<String, String> NODE_SETTINGS = Map.ofEntries(
            Map.entry("TASKER_BACKOFF_DEFAULT_BACKOFF_SECONDS", "1,2,4"),
            Map.entry("TASKER_BACKOFF_JITTER_ENABLED", "false"),
            Map.entry("TASKER_STEP_LEASE_SECONDS", "6"),
            Map.entry("TASKER_SWEEP_INTERVAL_SECONDS", "2"),
            Map.entry("TASKER_SWEEP_GRACE_SECONDS", "10"),
            Map.entry("TASKER_EVENTS_LEASE_SECONDS", "6"),
            Map.entry("TASKER_EVENTS_TOPIC_ENABLED", "true"),
            Map.entry("TASKER_HEALTH_STATUS_CACHE_SECONDS", "1"),
            Map.entry("TASKER_LOG_FORMAT", "json"),
            Map.entry("EXAMPLES_EVENT_LEDGER_EVENTS", "*"),
            Map.entry("EXAMPLES_EVENT_LEDGER_THROW_FOR", "ledger-throws-"),
            Map.entry("TASKER_TEMPLATES_DIR", System.getProperty("tasker.it.templates.dir",
                    "src/test/resources/it-templates")));

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static RunningStack stack(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningStack.class, key -> RunningStack.boot(), RunningStack.class);
    }

    /** The shared stack; it can be restarted on its data directory to test what survives a restart. */
    public static final class RunningStack implements ExtensionContext.Store.CloseableResource {

        private final LauncherSettings settings;
        private final TraceReceiver traces;
        private final HttpStub httpStub;
        private TaskerStack stack;

        private RunningStack(LauncherSettings settings, TraceReceiver traces, HttpStub httpStub) {
            this.settings = settings;
            this.traces = traces;
            this.httpStub = httpStub;
            start();
        }

        static RunningStack boot() {
            Path dataDir = Path.of(System.getProperty("tasker.it.data.dir", "target/it-data"));
            try {
                Directories.deleteRecursively(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean " + dataDir, e);
            }
            List<Integer> ports = freePorts(3);
            try {
                return new RunningStack(new LauncherSettings(dataDir.toAbsolutePath(), ports.get(0), Optional.empty(),
                        Optional.empty(), ports.get(1), ports.get(2), "it-node",
                        List.of(LauncherSettings.DEFAULT_JVM_OPTIONS.split(" ")), false), TraceReceiver.start(),
                        HttpStub.start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the trace receiver or the HTTP stub", e);
            }
        }

        /** The spans the stack's nodes exported. */
        TraceReceiver traces() {
            return traces;
        }

        /** The service the nodes' HTTP steps call. */
        HttpStub httpStub() {
            return httpStub;
        }

        // The test node's settings, and those that send its spans to the trace receiver and its HTTP steps to the
        // stub.
        private Map<String, String> nodeSettings() {
            Map<String, String> nodeSettings = new HashMap<>(NODE_SETTINGS);
            nodeSettings.putAll(traces.nodeSettings());
            nodeSettings.putAll(httpStub.nodeSettings());
            return nodeSettings;
        }

        /** A token signed with the stack's development key, which its nodes trust. */
        public String token(DevelopmentKeys.Bearer bearer) {
            return stack.keys().orElseThrow().token(bearer);
        }

        /** A client of the first node's API with an administrator's token. */
        public TaskerClient client() {
            return new TaskerClient(stack.apiUri(), Optional.of(token(DevelopmentKeys.Bearer.admin(TOKEN_LIFETIME))));
        }

        /** A client of the stack's broker whose task requests carry an administrator's token. */
        BrokerClient brokerClient() {
            return new BrokerClient(stack.broker(), Optional.of(adminToken("admin")));
        }

        /** A client with an administrator's token for {@code subject}: the actor of its operator actions. */
        public TaskerClient clientAs(String subject) {
            return new TaskerClient(stack.apiUri(), Optional.of(adminToken(subject)));
        }

        /** An administrator's token for {@code subject}. */
        public String adminToken(String subject) {
            return token(DevelopmentKeys.Bearer.admin(subject, TOKEN_LIFETIME));
        }

        public LauncherSettings.DatabaseAddress database() {
            return stack.database();
        }

        /** The stack itself, to start nodes or restart its parts. */
        public TaskerStack stack() {
            return stack;
        }

        /**
         * Starts one more node against the same database and broker, with extra settings on top of the test
         * node's; it is stopped with the stack.
         */
        public PayaraNode startNode(String name, Map<String, String> settings) throws Exception {
            return startNode(name, freePorts(1).get(0), settings);
        }

        /** {@link #startNode(String, Map)} with the test node's settings, its application holding these jars too. */
        public PayaraNode startNode(String name, Workflows workflows) throws Exception {
            return stack.startNode(name, freePorts(1).get(0), nodeSettings(), workflows);
        }

        /** {@link #startNode(String, Map)} on the given HTTP port. */
        public PayaraNode startNode(String name, int httpPort, Map<String, String> settings) throws Exception {
            Map<String, String> nodeSettings = nodeSettings();
            nodeSettings.putAll(settings);
            return stack.startNode(name, httpPort, nodeSettings);
        }

        /**
         * Stops the test node and starts it again on its port, with extra settings on top of the test node's (none
         * to have it as it was).
         */
        public void restartNode(Map<String, String> settings) throws Exception {
            PayaraNode node = stack.node();
            stack.stopNode(node);
            startNode(node.name(), node.httpPort(), settings);
        }

        /** Stops everything (node, broker, database) and starts it again on the same data. */
        public void restart() {
            stack.close();
            start();
        }

        private void start() {
            try {
                stack = TaskerStack.start(settings, nodeSettings(), System.out);
            } catch (Exception e) {
                throw new IllegalStateException("the test stack did not start", e);
            }
        }

        @Override
        public void close() {
            stack.close();
            traces.close();
            httpStub.close();
        }
    }

    /** Ports nothing listens on now. */
    static List<Integer> freePorts(int count) {
        try {
            ServerSocket[] sockets = new ServerSocket[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
            }
            List<Integer> ports = Stream.of(sockets).map(ServerSocket::getLocalPort).toList();
            for (ServerSocket socket : sockets) {
                socket.close();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
