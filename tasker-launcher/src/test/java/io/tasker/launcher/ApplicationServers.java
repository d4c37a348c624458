package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** What the application server tests share: the EAR they deploy, the settings of its scripts, running them. */
final class ApplicationServers {

    private ApplicationServers() {
    }

    /** The product EAR with the examples' workflows in its lib/, added as a user adds theirs. */
    static EnterpriseArchive earWithExamples() throws IOException {
        Path scratch = Files.createTempDirectory("tasker-ear");
        RuntimeArtifacts artifacts = RuntimeArtifacts.locate();
        // Outside the repository, the examples' jar is a user's workflow jar.
        Path examples = Files.copy(artifacts.examplesJar(), scratch.resolve("examples.jar"));
        Path ear = artifacts.with(Workflows.of(List.of(examples), Map.of(), scratch))
                .packageEar(scratch.resolve("tasker.ear"), scratch);
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear.toFile());
    }

    /** What a server's test runs against, of its own: PostgreSQL, Artemis and the token keys, under it-data/. */
    record Backing(Path data, PostgresServer postgres, ArtemisBroker broker, DevelopmentKeys keys)
            implements AutoCloseable {

        static Backing start(String server) throws Exception {
            Path data = Files.createDirectories(Path.of(System.getProperty("tasker.it.data.dir"), server));
            List<Integer> ports = TaskerStackExtension.freePorts(2);
            PostgresServer postgres = PostgresServer.start(data.resolve("postgres"), ports.get(0),
                    data.resolve("postgres.log"));
            return new Backing(data, postgres, ArtemisBroker.start(data.resolve("broker"), ports.get(1)),
                    DevelopmentKeys.openOrCreate(data.resolve("keys")));
        }

        /** The environment a server-config script reads: the database, the broker, the token keys, the adapter. */
        Map<String, String> scriptSettings() {
            Map<String, String> env = new HashMap<>(keys.nodeSettings());
            LauncherSettings.DatabaseAddress database = postgres.address();
            env.put("TASKER_DB_URL", database.jdbcUrl());
            env.put("TASKER_DB_USER", database.user());
            env.put("TASKER_DB_PASSWORD", database.password());
            env.put("TASKER_BROKER_URL", "tcp://" + broker.address().host() + ":" + broker.address().port());
            env.put("TASKER_ARTEMIS_RAR", RuntimeArtifacts.locate().artemisRar().toString());
            return env;
        }

        @Override
        public void close() throws Exception {
            try {
                broker.close();
            } finally {
                postgres.close();
            }
        }
    }

    /** A script of server-config/, e.g. {@code wildfly/configure.sh}. */
    static Path serverConfig(String script) {
        return Path.of(System.getProperty("tasker.server-config.dir"), script);
    }

    /** Runs a command to its end, failing with its output unless it exits 0. */
    static void run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
    }

    static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }
}
