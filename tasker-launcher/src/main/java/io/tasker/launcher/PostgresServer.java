package io.tasker.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A private PostgreSQL server from the binaries shipped on Maven Central, with its data in a directory that
 * survives restarts. Durable: fsync, synchronous_commit and full_page_writes stay on (embedded-test defaults
 * turn them off; a committed task must survive a power cut).
 */
public final class PostgresServer implements AutoCloseable {

    static final String DATABASE = "tasker";
    static final String USER = "tasker";
    // The server only listens on 127.0.0.1 and trusts local connections; the password exists because Tasker's
    // configuration treats an empty one as missing.
    static final String PASSWORD = "tasker";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start(Path dataDirectory, int port, Path logFile) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(logFile.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        PostgresServer server = new PostgresServer(postgres);
        server.createDatabaseIfMissing();
        return server;
    }

    public LauncherSettings.DatabaseAddress address() {
        return new LauncherSettings.DatabaseAddress(postgres.getJdbcUrl(USER, DATABASE), USER, PASSWORD);
    }

    public int port() {
        return postgres.getPort();
    }

    /** Writes every changed page to disk now (a superuser's {@code CHECKPOINT}). */
    public void checkpoint() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                execute(connection, "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                execute(connection, "CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
        } catch (SQLException e) {
            throw new IOException("cannot create the " + DATABASE + " database: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Stops the server (fast shutdown: sessions end, committed data is on disk). */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
