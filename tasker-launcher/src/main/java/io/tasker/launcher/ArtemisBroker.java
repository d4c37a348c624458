package io.tasker.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * The Artemis broker, configured by {@code server-config/broker.xml}: persistent, synced journal under the data
 * directory, and the task-runner, dead-letter and expiry queues.
 */
public final class ArtemisBroker implements AutoCloseable {

    // The audit log would record every message at INFO; held here because java.util.logging keeps loggers weakly.
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    private final EmbeddedActiveMQ server;
    private final LauncherSettings.BrokerAddress address;

    private ArtemisBroker(EmbeddedActiveMQ server, LauncherSettings.BrokerAddress address) {
        this.server = server;
        this.address = address;
    }

    public static ArtemisBroker start(Path dataDirectory, int port) throws Exception {
        LauncherSettings.BrokerAddress address = new LauncherSettings.BrokerAddress("127.0.0.1", port);
        // broker.xml reads these as ${...} placeholders.
        System.setProperty("tasker.broker.data-dir", dataDirectory.toAbsolutePath().toString());
        System.setProperty("tasker.broker.host", address.host());
        System.setProperty("tasker.broker.port", String.valueOf(port));
        AUDIT.setLevel(Level.WARNING);
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfigResourcePath(writeConfiguration(dataDirectory).toUri().toString());
        server.start();
        return new ArtemisBroker(server, address);
    }

    // The broker reads its configuration from a file; the copy in the data directory also shows what is in use.
    private static Path writeConfiguration(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        Path file = dataDirectory.resolve("broker.xml");
        try (InputStream in = ArtemisBroker.class.getResourceAsStream("/broker.xml")) {
            if (in == null) {
                throw new IOException("broker.xml is missing from the launcher");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    public LauncherSettings.BrokerAddress address() {
        return address;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
