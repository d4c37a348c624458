package io.tasker.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process running Tasker: the Artemis resource adapter is configured for the broker by a pre-boot
 * command file and deployed by a post-boot one, then the application (the Tasker WAR with the example workflows and
 * the user's, {@link RuntimeArtifacts#application}); its HTTP port opens once the application is deployed. Database settings reach the application as
 * {@code TASKER_DB_*} environment variables (read through MicroProfile Config). Its log goes to a file.
 */
public final class PayaraNode implements AutoCloseable {

    // Longer than Tasker's default shutdown grace (20 s), so running steps may finish or be released.
    private static final Duration STOP_GRACE = Duration.ofSeconds(45);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> TASKER_CHECKS = List.of("database", "broker", "node");
    private static final String HTTP_LISTENER =
            "configs.config.server-config.network-config.network-listeners.network-listener.http-listener";

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path logFile;
    private final long logStart;
    private final FileChannel ownership;

    private PayaraNode(String name, Process process, int httpPort, Path logFile, long logStart,
                       FileChannel ownership) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.logFile = logFile;
        this.logStart = logStart;
        this.ownership = ownership;
    }

    /** What a node needs: its name, port and directory, and where the database and broker are. */
    public record Spec(String name, int httpPort, Path directory, LauncherSettings.DatabaseAddress database,
                       LauncherSettings.BrokerAddress broker, List<String> jvmOptions, Map<String, String> settings,
                       boolean openServerEndpoints) {
    }

    /**
     * Starts the process; it is ready once {@link #awaitReady} returns. The node's root directory is scratch space,
     * emptied at each start (Payara would otherwise redeploy what the last run deployed); its transaction log,
     * which completes transactions a crash left in doubt, lives beside it and is kept. A node name runs once per
     * directory: starting it a second time would wipe the running node's directory and share its transaction log.
     *
     * @throws IllegalStateException when a node of that name already runs from that directory
     */
    public static PayaraNode start(RuntimeArtifacts artifacts, Spec spec) throws IOException {
        FileChannel ownership = own(spec);
        try {
            return launch(artifacts, spec, ownership);
        } catch (IOException | RuntimeException e) {
            ownership.close();
            throw e;
        }
    }

    // Holds an exclusive lock on <name>.lock for the node's lifetime; the operating system drops it if we die.
    private static FileChannel own(Spec spec) throws IOException {
        Files.createDirectories(spec.directory());
        FileChannel channel = FileChannel.open(spec.directory().resolve(spec.name() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // This process runs that node already.
        }
        channel.close();
        throw new IllegalStateException("a node named " + spec.name() + " already runs from " + spec.directory()
                + "; give this one another name (TASKER_NODE_NAME)");
    }

    private static PayaraNode launch(RuntimeArtifacts artifacts, Spec spec, FileChannel ownership)
            throws IOException {
        Path root = spec.directory().resolve(spec.name());
        Directories.deleteRecursively(root);
        Files.createDirectories(root);
        Path transactionLog = Files.createDirectories(spec.directory().resolve(spec.name() + "-transactions"));
        Path logFile = spec.directory().resolve(spec.name() + ".log");
        List<String> preBootCommands = new ArrayList<>(List.of(
                // XA transactions left in doubt (the broker or database went away during a commit) are completed
                // at startup and, while running, within 5 s rather than Payara's default minute. Set before boot:
                // the transaction manager reads them when it starts.
                "set configs.config.server-config.transaction-service.automatic-recovery=true",
                "set configs.config.server-config.transaction-service.tx-log-dir="
                        + escapeAsadmin(transactionLog.toAbsolutePath().toString()),
                "set configs.config.server-config.transaction-service.property.pending-txn-cleanup-interval=5",
                // The HTTP port opens once the application is deployed (post-deploy, below). Payara Micro's
                // readiness answers UP while an application deploys if its checks are not registered yet (the
                // resource adapter counts as a deployed application, and Payara does not implement MicroProfile
                // Health's mp.health.default.readiness.empty.response), so an open port would send a probe's
                // traffic into 404s.
                "set " + HTTP_LISTENER + ".enabled=false",
                // The resource adapter's configuration is in place when the server reads its configuration at boot;
                // created after boot, Payara applies it on a configuration thread while the adapter deploys.
                "create-resource-adapter-config --property ConnectionParameters="
                        + escapeAsadmin(spec.broker().connectionParameters()) + " artemis-ra"));
        if (!spec.openServerEndpoints()) {
            // The server's own metrics and OpenAPI document answer only under /tasker, with a token: here no user
            // (the server's file realm has none) may read them.
            preBootCommands.add("set configs.config.server-config.microprofile-metrics-configuration.security-enabled"
                    + "=true");
            preBootCommands.add("set-openapi-configuration --securityenabled=true");
        }
        Path preBoot = commandFile(root, "pre-boot.asadmin", preBootCommands.toArray(String[]::new));
        Path postBoot = commandFile(root, "post-boot.asadmin",
                "deploy --type rar --name artemis-ra " + artifacts.artemisRar().toAbsolutePath());
        Path postDeploy = commandFile(root, "post-deploy.asadmin", "set " + HTTP_LISTENER + ".enabled=true");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        command.addAll(List.of(
                "-jar", artifacts.payaraMicro().toAbsolutePath().toString(),
                "--nocluster",
                "--disablephonehome",
                "--name", spec.name(),
                "--port", String.valueOf(spec.httpPort()),
                "--rootdir", root.toAbsolutePath().toString(),
                "--prebootcommandfile", preBoot.toAbsolutePath().toString(),
                "--postbootcommandfile", postBoot.toAbsolutePath().toString(),
                "--postdeploycommandfile", postDeploy.toAbsolutePath().toString(),
                "--deploy", artifacts.application(root).toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("TASKER_DB_URL", spec.database().jdbcUrl());
        environment.put("TASKER_DB_USER", spec.database().user());
        environment.put("TASKER_DB_PASSWORD", spec.database().password());
        environment.put("TASKER_NODE_NAME", spec.name());
        spec.settings().forEach(environment::put);
        long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
        return new PayaraNode(spec.name(), builder.start(), spec.httpPort(), logFile, logStart, ownership);
    }

    /**
     * Waits until {@code /health/ready} answers 200 with Tasker's own checks (database, broker and node) in it:
     * Payara answers UP with no checks at all when the application failed to deploy.
     *
     * @throws IllegalStateException when the process dies, the application fails to deploy or the deadline
     *     passes, with the end of the node's log
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting;"
                        + " end of " + logFile + ":\n" + logTail());
            }
            boolean bootFinished = bootFinished();
            try {
                HttpResponse<String> response = HTTP.send(ready, HttpResponse.BodyHandlers.ofString());
                boolean taskerDeployed = HealthReport.hasChecks(response.body(), TASKER_CHECKS);
                if (response.statusCode() == 200 && taskerDeployed) {
                    return;
                }
                if (!taskerDeployed && bootFinished) {
                    throw notDeployed();
                }
            } catch (IOException e) {
                // Not listening yet: the port opens once the application is deployed, before the boot finishes.
                if (bootFinished) {
                    throw notDeployed();
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; end of "
                + logFile + ":\n" + logTail());
    }

    private IllegalStateException notDeployed() {
        return new IllegalStateException(name + " started but Tasker did not deploy; end of " + logFile + ":\n"
                + logTail());
    }

    // Payara Micro logs "... ready in N (ms)" once every archive is deployed (or has failed to).
    private boolean bootFinished() {
        return logOfThisStart().contains(" ready in ");
    }

    public String name() {
        return name;
    }

    /** Whether this start's log shows the application finding no Artemis resource adapter: it failed to deploy. */
    public boolean resourceAdapterFailedToDeploy() {
        return logOfThisStart().contains("Resource Adapter not present: RA Name: [artemis-ra]");
    }

    /** The API's base address, e.g. {@code http://localhost:8080/tasker}. */
    public URI apiUri() {
        return URI.create("http://localhost:" + httpPort + "/tasker");
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the process ends on its own, returning its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Kills the process at once (SIGKILL), as a crash would: nothing in it gets to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        release();
    }

    /** Asks the node to stop (SIGTERM) and waits for it; kills it if it has not stopped within the grace period. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        release();
    }

    private void release() {
        try {
            ownership.close();
        } catch (IOException e) {
            // Closing a lock file cannot lose anything; the lock goes with the channel either way.
        }
    }

    // Leads with Tasker's coded messages and the exceptions (without stack frames), then the first stack trace (where
    // a failure in the server itself shows), then the last lines.
    private String logTail() {
        List<String> lines = logOfThisStart().lines().toList();
        List<String> reasons = lines.stream()
                .map(String::strip)
                .filter(line -> line.contains("TASKER-") || (line.contains("Exception") && !line.startsWith("at ")))
                .distinct()
                .limit(20)
                .toList();
        return "reasons:\n" + String.join("\n", reasons) + "\nfirst stack trace:\n" + firstStackTrace(lines)
                + "\nlast lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String firstStackTrace(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("at ")) {
                return String.join("\n", lines.subList(i - 1, Math.min(lines.size(), i + 40)));
            }
        }
        return "(none)";
    }

    // The log file is appended to across starts; only what this process wrote counts.
    private String logOfThisStart() {
        try (var channel = Files.newByteChannel(logFile)) {
            channel.position(logStart);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static Path commandFile(Path directory, String name, String... commands) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, String.join(System.lineSeparator(), commands) + System.lineSeparator(),
                StandardCharsets.UTF_8);
        return file;
    }

    // asadmin property values escape '=' and ':' with a backslash.
    private static String escapeAsadmin(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }
}
