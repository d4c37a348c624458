package io.tasker.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The benchmark's command line.
 *
 * @param workloads the throughput workloads to run, in order
 * @param latency whether to measure single-task latency
 * @param lists whether to measure the latency of task lists (ListQuery)
 * @param n workflows per throughput run; empty for each workload's default
 * @param warmup workflows run before each measured run; empty to warm up until the throughput is steady
 * @param url a running server's API; empty to start the embedded default
 * @param history finished steps to pre-load the database with (embedded default only)
 * @param taskHistory finished tasks, without their steps, to pre-load the database with (embedded default only)
 * @param dataDir where the embedded default keeps its data (emptied first)
 */
public record BenchOptions(Set<Workload> workloads, boolean latency, boolean lists, OptionalInt n, int submitters,
                           OptionalInt warmup, int latencyN, Optional<URI> url, Path out, int history,
                           int taskHistory, Path dataDir) {

    static final String USAGE = """
            Usage: ./tasker bench [options]

              --workload W1|W2|W3|W4|latency|list|all   what to run (default all; repeat or comma-separate to pick
                                 several). list: the latency of GET /tasker/tasks filtered by namespace and
                                 status, one request at a time (its "workflows/s" are requests/s)
              --n N              workflows per throughput workload (default 1000; W4 200)
              --submitters N     concurrent submitting clients (default 4)
              --warmup N|steady  workflows run before each measured workload and not counted; steady (the
                                 default): rounds of 1000, at least until the server ran 10000, then until
                                 three in a row run within 10 % of each other
              --latency-n N      sequential diamond workflows of the latency figure, and requests of each list
                                 figure (default 200)
              --url URL          benchmark a running server (e.g. http://localhost:8080/tasker) instead of
                                 starting the embedded default
              --history STEPS    pre-load the database with this many finished steps first (embedded only)
              --task-history N   pre-load the database with N finished tasks, rows of the task table alone
                                 (embedded only): what the list figure reads, loaded in seconds, where a
                                 history of their steps too takes hours
              --out FILE         file the JSON lines are appended to (default bench-results.jsonl)
              --data-dir DIR     data directory of the embedded default, emptied first (default .tasker-bench)
            """;

    /**
     * @throws IllegalArgumentException naming the option when an argument is unusable
     */
    public static BenchOptions parse(String... args) {
        Set<Workload> workloads = EnumSet.noneOf(Workload.class);
        boolean latency = false;
        boolean lists = false;
        OptionalInt n = OptionalInt.empty();
        int submitters = 4;
        OptionalInt warmup = OptionalInt.empty();
        int latencyN = 200;
        Optional<URI> url = Optional.empty();
        Path out = Path.of("bench-results.jsonl");
        Path dataDir = Path.of(".tasker-bench");
        int history = 0;
        int taskHistory = 0;
        boolean chosen = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--workload" -> {
                    chosen = true;
                    for (String name : value.split(",")) {
                        switch (name.trim().toLowerCase(Locale.ROOT)) {
                            case "all" -> {
                                workloads.addAll(EnumSet.allOf(Workload.class));
                                latency = true;
                                lists = true;
                            }
                            case "latency" -> latency = true;
                            case "list" -> lists = true;
                            default -> workloads.add(workload(name.trim()));
                        }
                    }
                }
                case "--n" -> n = OptionalInt.of(positive(option, value));
                case "--submitters" -> submitters = positive(option, value);
                case "--warmup" -> warmup = value.equals("steady") ? OptionalInt.empty()
                        : OptionalInt.of(atLeastZero(option, value));
                case "--latency-n" -> latencyN = positive(option, value);
                case "--url" -> url = Optional.of(url(value));
                case "--history" -> history = atLeastZero(option, value);
                case "--task-history" -> taskHistory = atLeastZero(option, value);
                case "--out" -> out = Path.of(value);
                case "--data-dir" -> dataDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!chosen) {
            workloads.addAll(EnumSet.allOf(Workload.class));
            latency = true;
            lists = true;
        }
        if ((history > 0 || taskHistory > 0) && url.isPresent()) {
            throw new IllegalArgumentException((history > 0 ? "--history" : "--task-history")
                    + " needs the embedded default's database: drop --url");
        }
        return new BenchOptions(workloads, latency, lists, n, submitters, warmup, latencyN, url, out, history,
                taskHistory, dataDir);
    }

    /** Thrown by {@link #parse} when the command line asks for the usage. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }

    /** How many workflows a throughput run of the workload submits. */
    public int count(Workload workload) {
        return n.orElse(workload.defaultCount());
    }

    private static Workload workload(String name) {
        try {
            return Workload.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>();
            for (Workload workload : Workload.values()) {
                known.add(workload.name());
            }
            throw new IllegalArgumentException("--workload must be one of " + String.join(", ", known)
                    + ", latency, list or all, got '" + name + "'");
        }
    }

    private static int positive(String option, String value) {
        int number = atLeastZero(option, value);
        if (number == 0) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
        return number;
    }

    private static int atLeastZero(String option, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number of at least 0, got '" + value + "'");
        }
    }

    private static URI url(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = URI.create("invalid:");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--url must be the API's http(s) address, e.g. "
                    + "http://localhost:8080/tasker, got '" + value + "'");
        }
        return uri;
    }
}
