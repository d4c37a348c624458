package io.tasker.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to start and where, from the environment:
 * <ul>
 *   <li>{@code TASKER_DATA_DIR} (default {@code .tasker}): where PostgreSQL, the broker journal and the logs live;</li>
 *   <li>{@code TASKER_HTTP_PORT} (default 8080);</li>
 *   <li>{@code TASKER_DB_URL}, {@code TASKER_DB_USER}, {@code TASKER_DB_PASSWORD}: an external PostgreSQL; when the
 *       URL is set no database is started;</li>
 *   <li>{@code TASKER_BROKER_URL} ({@code tcp://host:port}): an external Artemis; when set no broker is started;</li>
 *   <li>{@code TASKER_DB_PORT} (default 15432) and {@code TASKER_BROKER_PORT} (default 61616): ports of the
 *       embedded ones;</li>
 *   <li>{@code TASKER_NODE_NAME} (default {@code node-1}) and {@code TASKER_JVM_OPTIONS} (default
 *       {@code -Xms256m -Xmx512m -XX:+UseParallelGC -XX:-UseCodeCacheFlushing}): the Payara Micro node;</li>
 *   <li>{@code TASKER_SERVER_ENDPOINTS} ({@code closed}, the default, or {@code open}): whether the server's own
 *       {@code /metrics} and {@code /openapi} answer without a token; Tasker serves both under {@code /tasker},
 *       where they need one (docs/security.md).</li>
 * </ul>
 */
public record LauncherSettings(
        Path dataDir,
        int httpPort,
        Optional<DatabaseAddress> externalDatabase,
        Optional<BrokerAddress> externalBroker,
        int databasePort,
        int brokerPort,
        String nodeName,
        List<String> jvmOptions,
        boolean openServerEndpoints) {

    // The parallel collector: on a small heap its pauses stay short, and it leaves the application more CPU and
    // memory than G1 (W1 steps/s +10 %, a quarter less RSS, docs/performance.md). JDK 17's code cache sweeper
    // throws away compiled methods it thinks cold, and the server's large code base keeps the compiler
    // recompiling them under steady load: compiled code is kept instead.
    public static final String DEFAULT_JVM_OPTIONS = "-Xms256m -Xmx512m -XX:+UseParallelGC -XX:-UseCodeCacheFlushing";

    /** How to reach a PostgreSQL database. */
    public record DatabaseAddress(String jdbcUrl, String user, String password) {
    }

    /** How to reach an Artemis broker. */
    public record BrokerAddress(String host, int port) {

        static BrokerAddress parse(String url) {
            URI uri = URI.create(url.trim());
            if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
                throw new IllegalArgumentException("TASKER_BROKER_URL must look like tcp://host:61616, got '" + url + "'");
            }
            return new BrokerAddress(uri.getHost(), uri.getPort());
        }

        /** The Artemis resource adapter's connection parameters for this address. */
        String connectionParameters() {
            return "host=" + host + ";port=" + port;
        }
    }

    /**
     * @throws IllegalArgumentException naming the variable when a value is unusable
     */
    public static LauncherSettings fromEnvironment(Map<String, String> env, Path workingDirectory) {
        Optional<String> dbUrl = value(env, "TASKER_DB_URL");
        Optional<DatabaseAddress> database = dbUrl.map(url -> new DatabaseAddress(url,
                value(env, "TASKER_DB_USER").orElse("tasker"), value(env, "TASKER_DB_PASSWORD").orElse("tasker")));
        return new LauncherSettings(
                workingDirectory.resolve(value(env, "TASKER_DATA_DIR").orElse(".tasker")).toAbsolutePath().normalize(),
                port(env, "TASKER_HTTP_PORT", 8080),
                database,
                value(env, "TASKER_BROKER_URL").map(BrokerAddress::parse),
                port(env, "TASKER_DB_PORT", 15432),
                port(env, "TASKER_BROKER_PORT", 61616),
                value(env, "TASKER_NODE_NAME").orElse("node-1"),
                new ArrayList<>(Arrays.asList(value(env, "TASKER_JVM_OPTIONS").orElse(DEFAULT_JVM_OPTIONS).trim()
                        .split("\\s+"))),
                openServerEndpoints(env));
    }

    /**
     * Settings for one more node beside a running {@code ./tasker run} (same data directory): it uses that run's
     * PostgreSQL and broker (or the external ones configured), and defaults to {@code node-2} on port 8081.
     */
    public static LauncherSettings forAdditionalNode(Map<String, String> env, Path workingDirectory) {
        LauncherSettings base = fromEnvironment(env, workingDirectory);
        DatabaseAddress database = base.externalDatabase().orElse(new DatabaseAddress(
                "jdbc:postgresql://127.0.0.1:" + base.databasePort() + "/" + PostgresServer.DATABASE,
                PostgresServer.USER, PostgresServer.PASSWORD));
        BrokerAddress broker = base.externalBroker().orElse(new BrokerAddress("127.0.0.1", base.brokerPort()));
        return new LauncherSettings(base.dataDir(), port(env, "TASKER_HTTP_PORT", 8081), Optional.of(database),
                Optional.of(broker), base.databasePort(), base.brokerPort(),
                value(env, "TASKER_NODE_NAME").orElse("node-2"), base.jvmOptions(), base.openServerEndpoints());
    }

    private static boolean openServerEndpoints(Map<String, String> env) {
        String text = value(env, "TASKER_SERVER_ENDPOINTS").orElse("closed");
        if (!text.equals("closed") && !text.equals("open")) {
            throw new IllegalArgumentException("TASKER_SERVER_ENDPOINTS must be closed or open, got '" + text + "'");
        }
        return text.equals("open");
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(text -> !text.isEmpty());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String text = value(env, name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), got '" + text + "'");
        }
    }
}
