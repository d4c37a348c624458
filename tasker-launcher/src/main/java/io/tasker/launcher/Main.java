package io.tasker.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import io.tasker.cli.TaskerCli;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tasker}: {@code run} starts the embedded default and keeps it running until Ctrl-C or SIGTERM,
 * {@code node} one more node beside it, {@code package} writes a deployable archive with the user's workflows;
 * {@code tasks}, {@code steps}, {@code handlers} and {@code templates} are the CLI's ({@link TaskerCli}).
 * Exit codes: 0 done (or stopped on request), 1 Tasker did not start or a node died, 2 a usage error (the CLI's
 * commands: docs/cli.md).
 */
@Command(name = "tasker", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {Main.Run.class, Main.Node.class, Main.Package.class, NewCommand.class, TokenCommand.class,
                CommandLine.HelpCommand.class},
        description = "Tasker, a workflow engine for Jakarta EE.",
        footer = {"%nOperators' commands against a running server (docs/cli.md): tasks, steps, handlers; "
                + "offline: templates validate.", "Also: ./tasker bench (the benchmark; ./tasker bench --help), "
                + "./tasker build (rebuild from source).", "%nEnvironment: TASKER_DATA_DIR, TASKER_HTTP_PORT, "
                + "TASKER_DB_URL, TASKER_DB_USER, TASKER_DB_PASSWORD, TASKER_BROKER_URL, TASKER_DB_PORT, "
                + "TASKER_BROKER_PORT, TASKER_NODE_NAME, TASKER_JVM_OPTIONS, TASKER_LAUNCHER_JVM_OPTIONS, "
                + "TASKER_WORKFLOWS. Any other TASKER_* variable reaches Tasker's own configuration (see "
                + "docs/configuration.md)."})
public final class Main {

    private static final int NOT_STARTED = 1;
    private static final int USAGE = CommandLine.ExitCode.USAGE;
    private static final Duration CLI_TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final Duration PRINTED_TOKEN_LIFETIME = Duration.ofHours(12);

    public static void main(String[] args) {
        developmentTokenForTheCli();
        CommandLine cli = TaskerCli.commandLine(new Main());
        int exit = cli.execute(args.length == 0 ? new String[] {"run"} : args);
        // 0 after Ctrl-C: the shutdown hook is stopping everything; exiting here would wait for it anyway.
        if (exit != 0) {
            System.exit(exit);
        }
    }

    // The operators' commands (tasks, steps, handlers) against the embedded default need no token of the user's: one
    // is signed with its development key, unless TASKER_TOKEN gives another.
    private static void developmentTokenForTheCli() {
        if (System.getenv("TASKER_TOKEN") != null) {
            return;
        }
        try {
            Path keys = TaskerStack.keysDirectoryOfThisRun();
            if (DevelopmentKeys.exist(keys)) {
                System.setProperty(TaskerCli.DEFAULT_TOKEN_PROPERTY, DevelopmentKeys.open(keys)
                        .token(DevelopmentKeys.Bearer.admin(CLI_TOKEN_LIFETIME)));
            }
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            // The command reports unusable settings itself; without a token the server says what it needs.
        }
    }

    /** The user's workflows: {@code --workflows}, or else {@code TASKER_WORKFLOWS}. */
    static final class WorkflowOptions {

        @Option(names = "--workflows", arity = "1..*", paramLabel = "<jar|dir>",
                description = "Your workflow jars, or directories of compiled classes (a Maven project's "
                        + "target/classes), added to the application: their handlers become CDI beans and their "
                        + "templates under META-INF/tasker/tasks are registered. Default: TASKER_WORKFLOWS (paths "
                        + "separated by ':'). Output older than its Maven project's sources is refused.")
        private List<Path> paths = new ArrayList<>();

        Workflows workflows() {
            return Workflows.of(paths, System.getenv(), Path.of(""));
        }
    }

    /** Starts the embedded default, or one more node beside it, with the user's workflows. */
    abstract static class Start implements Callable<Integer> {

        @Mixin
        private WorkflowOptions workflows;

        private final boolean additionalNode;

        Start(boolean additionalNode) {
            this.additionalNode = additionalNode;
        }

        @Override
        public Integer call() throws Exception {
            return start(additionalNode, workflows);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Start PostgreSQL, Artemis and Payara Micro with Tasker and the example workflows "
                    + "(the default command); Ctrl-C stops all of them.")
    static final class Run extends Start {
        Run() {
            super(false);
        }
    }

    @Command(name = "node", mixinStandardHelpOptions = true,
            description = "Start one more Payara Micro node (default node-2 on port 8081) against the PostgreSQL "
                    + "and broker of a running \"run\" in the same directory.")
    static final class Node extends Start {
        Node() {
            super(true);
        }
    }

    @Command(name = "package", mixinStandardHelpOptions = true,
            description = "Write Tasker with your workflows (and no examples) as a WAR, for Payara Micro or any "
                    + "server that runs WARs, or as an EAR with them in its lib/.")
    static final class Package implements Callable<Integer> {

        @Mixin
        private WorkflowOptions workflows;

        @ArgGroup(multiplicity = "1")
        private Output output;

        static final class Output {
            @Option(names = "--war", paramLabel = "<file>", required = true,
                    description = "Write a WAR (name it tasker.war for the context root /tasker).")
            private Path war;

            @Option(names = "--ear", paramLabel = "<file>", required = true, description = "Write an EAR.")
            private Path ear;
        }

        @Override
        public Integer call() throws Exception {
            Workflows added;
            try {
                added = workflows.workflows();
                if (added.isEmpty()) {
                    throw new IllegalArgumentException("name the workflows to package: --workflows <jar|dir>...");
                }
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return USAGE;
            }
            RuntimeArtifacts artifacts = RuntimeArtifacts.locate().with(added);
            Path scratch = Files.createTempDirectory("tasker-package");
            try {
                Path written = output.war != null ? artifacts.packageWar(output.war, scratch)
                        : artifacts.packageEar(output.ear, scratch);
                System.out.println("Wrote " + written.toAbsolutePath() + " with " + added.paths().size()
                        + " workflow archive(s): " + added.paths());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return USAGE;
            } finally {
                Directories.deleteRecursively(scratch);
            }
        }
    }

    // "node" starts one more Payara Micro node against the PostgreSQL and broker of a running "run".
    private static int start(boolean additionalNode, WorkflowOptions workflowOptions) throws Exception {
        LauncherSettings settings;
        Workflows workflows;
        try {
            settings = additionalNode ? LauncherSettings.forAdditionalNode(System.getenv(), Path.of(""))
                    : LauncherSettings.fromEnvironment(System.getenv(), Path.of(""));
            workflows = workflowOptions.workflows();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return USAGE;
        }
        JavaLogging.toFile(settings.dataDir().resolve("logs"), "launcher.log");
        System.out.println("Tasker data directory: " + settings.dataDir());
        if (!workflows.isEmpty()) {
            System.out.println("Your workflows: " + workflows.paths());
        }
        long began = System.nanoTime();
        TaskerStack stack;
        try {
            stack = TaskerStack.start(settings, RuntimeArtifacts.locate().with(workflows), Map.of(), System.out);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // A reason the user can act on (a node that would not deploy, a name in use): no stack trace.
            System.err.println("Tasker did not start: " + e.getMessage());
            return NOT_STARTED;
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
        Optional<String> token = stack.keys().map(keys -> keys.token(
                DevelopmentKeys.Bearer.admin(PRINTED_TOKEN_LIFETIME)));
        // The dashboard's link carries the token in its fragment, which the browser keeps to itself.
        System.out.printf("Dashboard: %s/ui/%s%n", stack.apiUri(), token.map(value -> "#token=" + value).orElse(""));
        token.ifPresent(value -> System.out.printf("Admin token, valid %d h (./tasker token mints others; "
                + "send it as Authorization: Bearer <token>):%n%s%n", PRINTED_TOKEN_LIFETIME.toHours(), value));
        if (!additionalNode) {
            token.ifPresent(value -> ExampleTasks.createOnFirstRun(stack.apiUri(), value, System.out));
        }
        int exit = stack.node().waitFor();
        if (stopRequested.get()) {
            // Ctrl-C or SIGTERM: the shutdown hook is stopping everything; let it finish.
            return 0;
        }
        // The node ended without being asked to: stop the rest and report it.
        Runtime.getRuntime().removeShutdownHook(stopper);
        System.err.println("Payara Micro exited with code " + exit + "; see " + stack.node().logFile());
        stack.close();
        return NOT_STARTED;
    }

    /** The version of this build, from the launcher jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Tasker " + (version == null ? "(unpackaged build)" : version)};
        }
    }
}
