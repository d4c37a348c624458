package io.tasker.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code ./tasker run}: starts the embedded default and keeps it running until Ctrl-C or SIGTERM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run", "node" -> {
                int exit = run(command.equals("node"));
                if (exit != 0) {
                    System.exit(exit);
                }
            }
            case "help", "--help", "-h" -> usage();
            default -> {
                System.err.println("Unknown command '" + command + "'.");
                usage();
                System.exit(2);
            }
        }
    }

    // "node" starts one more Payara Micro node against the PostgreSQL and broker of a running "run".
    private static int run(boolean additionalNode) throws Exception {
        LauncherSettings settings;
        try {
            settings = additionalNode ? LauncherSettings.forAdditionalNode(System.getenv(), Path.of(""))
                    : LauncherSettings.fromEnvironment(System.getenv(), Path.of(""));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        JavaLogging.toFile(settings.dataDir().resolve("logs"), "launcher.log");
        System.out.println("Tasker data directory: " + settings.dataDir());
        long began = System.nanoTime();
        TaskerStack stack;
        try {
            stack = TaskerStack.start(settings, Map.of(), System.out);
        } catch (IllegalStateException e) {
            // A reason the user can act on (a node that would not deploy, a name in use): no stack trace.
            System.err.println("Tasker did not start: " + e.getMessage());
            return 1;
        }
        AtomicBoolean stopRequested = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            stopRequested.set(true);
            System.out.println("Stopping Tasker...");
            stack.close();
            System.out.println("Tasker stopped.");
        }, "tasker-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        System.out.printf("Tasker is ready in %.1f s: %s (health: http://localhost:%d/health/ready)%n",
                (System.nanoTime() - began) / 1e9, stack.apiUri(), settings.httpPort());
        int exit = stack.node().waitFor();
        if (stopRequested.get()) {
            // Ctrl-C or SIGTERM: the shutdown hook is stopping everything; let it finish.
            return 0;
        }
        // The node ended without being asked to: stop the rest and report it.
        Runtime.getRuntime().removeShutdownHook(stopper);
        System.err.println("Payara Micro exited with code " + exit + "; see " + stack.node().logFile());
        stack.close();
        return 1;
    }

    private static void usage() {
        System.out.println("""
                Usage: ./tasker [command]

                  run    start PostgreSQL, Artemis and Payara Micro with Tasker (the default)
                  node   start one more Payara Micro node (default node-2 on port 8081) against the PostgreSQL
                         and broker of a running "run" in the same directory
                  bench  run the benchmark (./tasker bench --help lists its options)
                  build  rebuild Tasker from source
                  help   show this text

                Environment: TASKER_DATA_DIR, TASKER_HTTP_PORT, TASKER_DB_URL, TASKER_DB_USER, TASKER_DB_PASSWORD,
                TASKER_BROKER_URL, TASKER_DB_PORT, TASKER_BROKER_PORT, TASKER_NODE_NAME, TASKER_JVM_OPTIONS,
                TASKER_LAUNCHER_JVM_OPTIONS.
                Any other TASKER_* variable reaches Tasker's own configuration (see docs/configuration.md).""");
    }
}
