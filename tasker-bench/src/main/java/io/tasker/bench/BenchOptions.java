package io.tasker.bench;

import io.tasker.cli.ApiUrl;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The benchmark's command line (picocli).
 *
 * @param workloads the throughput workloads to run, in order
 * @param latency whether to measure single-task latency
 * @param lists whether to measure the latency of task lists (ListQuery)
 * @param backlog whether to measure a backlog: {@code backlogN} W1 workflows submitted at once (JMS intake)
 * @param n workflows per throughput run; empty for each workload's default
 * @param warmup workflows run before each measured run; empty to warm up until the throughput is steady
 * @param url a running server's API; empty to start the embedded default
 * @param history finished steps to pre-load the database with (embedded default only)
 * @param taskHistory finished tasks, without their steps, to pre-load the database with (embedded default only)
 * @param dataDir where the embedded default keeps its data (emptied first)
 * @param compareWithPeer whether each throughput workload also runs on the peer (db-scheduler), in the same run
 */
public record BenchOptions(Set<Workload> workloads, boolean latency, boolean lists, boolean backlog, int backlogN,
                           OptionalInt n, int submitters, OptionalInt warmup, int latencyN, Optional<URI> url,
                           Path out, int history, int taskHistory, Path dataDir, boolean compareWithPeer) {

    /**
     * Parses the command line.
     *
     * @throws HelpRequested when it asks for the usage
     * @throws ParameterException naming the option when an argument is unusable
     */
    public static BenchOptions parse(String... args) {
        Arguments arguments = new Arguments();
        CommandLine cli = commandLine(arguments);
        cli.parseArgs(args);
        if (cli.isUsageHelpRequested()) {
            throw new HelpRequested();
        }
        return arguments.options(cli);
    }

    /** The usage text, as --help prints it. */
    static String usage() {
        return commandLine(new Arguments()).getUsageMessage();
    }

    private static CommandLine commandLine(Arguments arguments) {
        return new CommandLine(arguments).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Thrown by {@link #parse} when the command line asks for the usage. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }

    @Command(name = "./tasker bench", description = "Measures Tasker's throughput and latency.")
    private static final class Arguments {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        private boolean help;

        @Option(names = "--workload", split = ",", paramLabel = "W1|W2|W3|W4|latency|list|backlog|all",
                description = "What to run (default all; repeat or comma-separate to pick several). list: the "
                        + "latency of GET /tasker/tasks filtered by namespace and status, one request at a time "
                        + "(its \"workflows/s\" are requests/s). backlog (embedded only; all includes it there): "
                        + "--backlog-n W1 workflows submitted at once through the JMS intake, and the waits for "
                        + "their first and next steps.")
        private List<String> workloads = new ArrayList<>();

        @Option(names = "--n", paramLabel = "N", description = "Workflows per throughput workload (default 1000; W4 "
                + "200).")
        private Integer n;

        @Option(names = "--submitters", paramLabel = "N", defaultValue = "4",
                description = "Concurrent submitting clients (default ${DEFAULT-VALUE}).")
        private int submitters;

        @Option(names = "--warmup", paramLabel = "N|steady", defaultValue = "steady",
                description = "Workflows run before each measured workload and not counted; steady (the default): "
                        + "rounds of 1000, at least until the server ran 10000, then until three in a row run "
                        + "within 10 %% of each other.")
        private String warmup;

        @Option(names = "--backlog-n", paramLabel = "N", defaultValue = "10000",
                description = "W1 workflows of the backlog figure (default ${DEFAULT-VALUE}).")
        private int backlogN;

        @Option(names = "--latency-n", paramLabel = "N", defaultValue = "200",
                description = "Sequential diamond workflows of the latency figure, and requests of each list figure "
                        + "(default ${DEFAULT-VALUE}).")
        private int latencyN;

        @Option(names = "--url", paramLabel = "URL", description = "Benchmark a running server (e.g. "
                + "http://localhost:8080/tasker) instead of starting the embedded default; its requests carry the "
                + "bearer token of TASKER_TOKEN.")
        private String url;

        @Option(names = "--history", paramLabel = "STEPS", defaultValue = "0",
                description = "Pre-load the database with this many finished steps first (embedded only).")
        private int history;

        @Option(names = "--task-history", paramLabel = "N", defaultValue = "0",
                description = "Pre-load the database with N finished tasks, rows of the task table alone (embedded "
                        + "only): what the list figure reads, loaded in seconds, where a history of their steps "
                        + "too takes hours.")
        private int taskHistory;

        @Option(names = "--out", paramLabel = "FILE", defaultValue = "bench-results.jsonl",
                description = "File the JSON lines are appended to (default ${DEFAULT-VALUE}).")
        private Path out;

        @Option(names = "--compare", paramLabel = "db-scheduler",
                description = "Also run each throughput workload on db-scheduler, on the same database in the same "
                        + "run, and print the ratios (embedded only).")
        private String compare;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".tasker-bench",
                description = "Data directory of the embedded default, emptied first (default ${DEFAULT-VALUE}).")
        private Path dataDir;

        BenchOptions options(CommandLine cli) {
            Set<Workload> chosen = EnumSet.noneOf(Workload.class);
            boolean latency = workloads.isEmpty();
            boolean lists = workloads.isEmpty();
            boolean backlog = workloads.isEmpty();
            boolean backlogNamed = false;
            if (workloads.isEmpty()) {
                chosen.addAll(EnumSet.allOf(Workload.class));
            }
            for (String name : workloads) {
                switch (name.trim().toLowerCase(Locale.ROOT)) {
                    case "all" -> {
                        chosen.addAll(EnumSet.allOf(Workload.class));
                        latency = true;
                        lists = true;
                        backlog = true;
                    }
                    case "latency" -> latency = true;
                    case "backlog" -> {
                        backlog = true;
                        backlogNamed = true;
                    }
                    case "list" -> lists = true;
                    default -> chosen.add(workload(cli, name.trim()));
                }
            }
            Optional<URI> server = Optional.ofNullable(url).map(value -> url(cli, value));
            if (compare != null && !compare.equals(DbSchedulerPeer.SYSTEM)) {
                throw new ParameterException(cli, "--compare takes db-scheduler, the peer the benchmark runs, got '"
                        + compare + "'");
            }
            if (compare != null && server.isPresent()) {
                throw new ParameterException(cli, "--compare needs the embedded default's database: drop --url");
            }
            if (backlogNamed && server.isPresent()) {
                throw new ParameterException(cli, "--workload backlog needs the embedded default's broker and "
                        + "database: drop --url");
            }
            if ((history > 0 || taskHistory > 0) && server.isPresent()) {
                throw new ParameterException(cli, (history > 0 ? "--history" : "--task-history")
                        + " needs the embedded default's database: drop --url");
            }
            // What "all" means for a running server: all it can be measured on.
            return new BenchOptions(chosen, latency, lists, backlog && server.isEmpty(),
                    atLeast(cli, "--backlog-n", backlogN, 1),
                    n == null ? OptionalInt.empty() : OptionalInt.of(atLeast(cli, "--n", n, 1)),
                    atLeast(cli, "--submitters", submitters, 1),
                    warmup.equals("steady") ? OptionalInt.empty() : OptionalInt.of(warmupCount(cli)),
                    atLeast(cli, "--latency-n", latencyN, 1), server, out,
                    atLeast(cli, "--history", history, 0), atLeast(cli, "--task-history", taskHistory, 0), dataDir,
                    compare != null);
        }

        private int warmupCount(CommandLine cli) {
            try {
                return atLeast(cli, "--warmup", Integer.parseInt(warmup.replace("_", "")), 0);
            } catch (NumberFormatException e) {
                throw new ParameterException(cli, "--warmup must be steady or a whole number of at least 0, got '"
                        + warmup + "'");
            }
        }
    }

    /** How many workflows a throughput run of the workload submits. */
    public int count(Workload workload) {
        return n.orElse(workload.defaultCount());
    }

    private static Workload workload(CommandLine cli, String name) {
        try {
            return Workload.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, "--workload must be one of " + Arrays.stream(Workload.values())
                    .map(Workload::name).collect(Collectors.joining(", ")) + ", latency, list, backlog or all, got '"
                    + name + "'");
        }
    }

    private static int atLeast(CommandLine cli, String option, int value, int minimum) {
        if (value < minimum) {
            throw new ParameterException(cli, option + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    private static URI url(CommandLine cli, String value) {
        try {
            return ApiUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, e.getMessage());
        }
    }
}
