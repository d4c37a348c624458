package io.tasker.bench;

import io.tasker.launcher.Directories;
import io.tasker.launcher.LauncherSettings;
import io.tasker.launcher.LauncherSettings.BrokerAddress;
import io.tasker.launcher.LauncherSettings.DatabaseAddress;
import io.tasker.launcher.DevelopmentKeys;
import io.tasker.launcher.TaskerStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server under test: the embedded default, started on a fresh data directory with the launcher's settings, or
 * a running server reached by its URL (then the benchmark cannot see its database or its memory).
 */
final class BenchTarget implements AutoCloseable {

    // What the benchmark's requests carry: a day is longer than any run.
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(1);

    private final URI api;
    private final Optional<String> token;
    private final Optional<TaskerStack> stack;
    private final OptionalLong serverPid;
    private final List<AutoCloseable> owned;

    private BenchTarget(URI api, Optional<String> token, Optional<TaskerStack> stack, OptionalLong serverPid,
                        List<AutoCloseable> owned) {
        this.api = api;
        this.token = token;
        this.stack = stack;
        this.serverPid = serverPid;
        this.owned = owned;
    }

    /** A running server, with the bearer token of {@code TASKER_TOKEN} when its authentication is on. */
    static BenchTarget remote(URI api, Optional<String> token) {
        return new BenchTarget(api, token, Optional.empty(), OptionalLong.empty(), List.of());
    }

    /**
     * Starts PostgreSQL, Artemis and Payara Micro as {@code ./tasker run} does, on an emptied data directory.
     *
     * @throws IllegalStateException when another benchmark uses that directory
     */
    static BenchTarget embedded(Path dataDir) throws Exception {
        FileChannel lock = exclusive(dataDir.resolveSibling(dataDir.getFileName() + ".lock"));
        try {
            Directories.deleteRecursively(dataDir);
            LauncherSettings settings = new LauncherSettings(dataDir.toAbsolutePath(), freePort(), Optional.empty(),
                    Optional.empty(), freePort(), freePort(), "bench-node",
                    List.of(LauncherSettings.DEFAULT_JVM_OPTIONS.split(" ")), false);
            TaskerStack stack = TaskerStack.start(settings, Map.of(), System.out);
            Optional<String> token = stack.keys().map(keys -> keys.token(DevelopmentKeys.Bearer.admin(TOKEN_LIFETIME)));
            return new BenchTarget(stack.apiUri(), token, Optional.of(stack),
                    OptionalLong.of(stack.node().pid()), List.of(stack, lock));
        } catch (Exception | Error e) {
            lock.close();
            throw e;
        }
    }

    // The data directory is emptied at start: a second benchmark on it would pull it from under the first.
    private static FileChannel exclusive(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IllegalStateException("another benchmark is running from "
                    + lockFile.toAbsolutePath().getParent());
        }
        return channel;
    }

    URI api() {
        return api;
    }

    /** The bearer token of the benchmark's requests, if the server needs one. */
    Optional<String> token() {
        return token;
    }

    Optional<DatabaseAddress> database() {
        return stack.map(TaskerStack::database);
    }

    Optional<BrokerAddress> broker() {
        return stack.map(TaskerStack::broker);
    }

    /**
     * Has the embedded database write every changed page to disk now, so the aftermath of a bulk load (a checkpoint
     * under way, full-page images in the log) does not weigh on the measurement that follows; nothing for a remote
     * server.
     */
    void checkpointDatabase() throws SQLException {
        if (stack.isPresent()) {
            stack.get().checkpointDatabase();
        }
    }

    OptionalLong serverPid() {
        return serverPid;
    }

    /** Stops what the benchmark started (the stack, then the lock on its directory). */
    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : owned) {
            resource.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
