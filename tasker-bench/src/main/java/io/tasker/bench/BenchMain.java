package io.tasker.bench;

import io.tasker.launcher.JavaLogging;
import io.tasker.launcher.LauncherSettings.DatabaseAddress;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ParameterException;

/**
 * {@code ./tasker bench}: runs the benchmark workloads against the embedded default (started here on a fresh data
 * directory) or a running server, prints a table and appends one JSON line per workload to the results file. Exits
 * with 1 when a workflow did not complete as scripted, 2 on a bad argument.
 */
public final class BenchMain {

    // Longest a run may take before the benchmark gives up on it.
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    // Finished steps per workflow of the history: copies of one W1 workflow.
    private static final int HISTORY_STEPS_PER_WORKFLOW = Workload.W1.steps().size();

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int exit = run(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Runs the benchmark as the command line says; returns the exit code. */
    public static int run(String... args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.HelpRequested e) {
            System.out.print(BenchOptions.usage());
            return 0;
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.usage());
            return 2;
        }
        JavaLogging.toFile(options.dataDir().resolveSibling(options.dataDir().getFileName() + "-logs"), "bench.log");
        try (BenchTarget target = options.url().isPresent() ? BenchTarget.remote(options.url().get(),
                Optional.ofNullable(System.getenv("TASKER_TOKEN")).filter(token -> !token.isBlank()))
                : BenchTarget.embedded(options.dataDir());
             DbSchedulerPeer peer = options.compareWithPeer()
                     ? DbSchedulerPeer.start(target.database().orElseThrow(), RUN_TIMEOUT) : null) {
            run(options, target, Optional.ofNullable(peer));
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("The benchmark failed: " + e.getMessage());
            return 1;
        }
    }

    private static void run(BenchOptions options, BenchTarget target, Optional<DbSchedulerPeer> peer)
            throws Exception {
        JsonObject environment = environment(target.database(), options);
        System.out.println("Benchmarking " + target.api() + " " + environment);
        TaskerApi api = new TaskerApi(target.api(), target.token());
        WorkloadRunner runner = new WorkloadRunner(api, target.serverPid(), RUN_TIMEOUT);
        if (options.history() > 0) {
            preloadHistory(api, target.database().orElseThrow(), options.history());
            target.checkpointDatabase();
        }
        if (options.taskHistory() > 0) {
            System.out.printf("Pre-loading %d finished tasks (without their steps)...%n", options.taskHistory());
            HistoryLoader.loadTasks(target.database().orElseThrow(), finishedModel(api), options.taskHistory(),
                    System.out);
            target.checkpointDatabase();
        }
        List<Measurement> measurements = new ArrayList<>();
        System.out.println(Measurement.tableHeader());
        List<WorkloadDriver> drivers = new ArrayList<>(List.of(runner));
        peer.ifPresent(drivers::add);
        Map<String, Long> workflowsRun = new HashMap<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (Workload workload : options.workloads()) {
            List<Measurement> pair = new ArrayList<>();
            for (WorkloadDriver driver : drivers) {
                long before = workflowsRun.getOrDefault(driver.system(), 0L);
                long warmed = warmUp(driver, workload, options, before);
                Measurement measurement = driver.throughput(workload, options.count(workload), options.submitters());
                workflowsRun.put(driver.system(), before + warmed + measurement.n());
                System.out.println(measurement.toTableRow());
                pair.add(measurement);
            }
            measurements.addAll(pair);
            if (pair.size() == 2) {
                comparisons.add(Comparison.of(pair.get(0), pair.get(1)));
            }
        }
        if (!comparisons.isEmpty()) {
            System.out.println();
            System.out.println(Comparison.tableHeader());
            comparisons.forEach(comparison -> System.out.println(comparison.toTableRow()));
            System.out.println();
        }
        if (options.latency()) {
            Measurement latency = runner.latency(Workload.W2, options.latencyN());
            System.out.println(latency.toTableRow());
            measurements.add(latency);
        }
        List<BacklogMeasurement> backlogs = options.backlog() ? backlog(options, target, peer) : List.of();
        if (options.lists()) {
            for (ListQuery query : ListQuery.values()) {
                Measurement list = runner.listLatency(query, options.latencyN());
                System.out.println(list.toTableRow());
                measurements.add(list);
            }
        }
        List<String> lines = new ArrayList<>(measurements.stream().map(m -> m.toJsonLine(environment)).toList());
        backlogs.forEach(backlog -> lines.add(backlog.toJsonLine(environment)));
        comparisons.forEach(comparison -> lines.add(comparison.toJsonLine(environment)));
        Files.write(options.out(), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.println("Appended " + lines.size() + " results to " + options.out().toAbsolutePath());
    }

    // The backlog on Tasker (through its JMS intake), then on the peer, each printed as it ends.
    private static List<BacklogMeasurement> backlog(BenchOptions options, BenchTarget target,
                                                    Optional<DbSchedulerPeer> peer) throws InterruptedException {
        List<BacklogDriver> drivers = new ArrayList<>(List.of(new TaskerBacklog(target.broker().orElseThrow(),
                target.database().orElseThrow(), target.token(), RUN_TIMEOUT)));
        peer.ifPresent(drivers::add);
        System.out.println(BacklogMeasurement.tableHeader());
        List<BacklogMeasurement> measured = new ArrayList<>();
        for (BacklogDriver driver : drivers) {
            BacklogMeasurement backlog = driver.backlog(options.backlogN());
            System.out.println(backlog.toTableRow());
            measured.add(backlog);
        }
        System.out.println();
        return measured;
    }

    // As many workflows as asked, or rounds until the throughput is steady (SteadyState); returns how many ran.
    private static long warmUp(WorkloadDriver driver, Workload workload, BenchOptions options, long workflowsRun)
            throws InterruptedException {
        if (options.warmup().isPresent()) {
            if (options.warmup().getAsInt() > 0) {
                driver.throughput(workload, options.warmup().getAsInt(), options.submitters());
            }
            return options.warmup().getAsInt();
        }
        SteadyState steady = new SteadyState(workflowsRun);
        boolean done;
        do {
            Measurement round = driver.throughput(workload, SteadyState.ROUND_WORKFLOWS, options.submitters());
            done = steady.recordRound(round.workflowsPerSecond());
            System.out.printf("  warm-up %s %s round %d: %.1f steps/s%n", driver.system(), workload.name(),
                    steady.rounds(), round.stepsPerSecond());
        } while (!done);
        if (!steady.reached()) {
            System.out.printf("  %s on %s was not steady after %d warm-up rounds; measuring anyway%n",
                    workload.name(), driver.system(), steady.rounds());
        }
        return (long) steady.rounds() * SteadyState.ROUND_WORKFLOWS;
    }

    // The history is copies of one W1 workflow that really ran.
    private static void preloadHistory(TaskerApi api, DatabaseAddress database, int steps)
            throws InterruptedException, SQLException {
        int workflows = Math.max(1, steps / HISTORY_STEPS_PER_WORKFLOW);
        System.out.printf("Pre-loading a history of %d finished workflows (%d steps)...%n", workflows,
                workflows * HISTORY_STEPS_PER_WORKFLOW);
        HistoryLoader.load(database, finishedModel(api), workflows, System.out);
    }

    // A W1 workflow run to its end, whose rows a history copies.
    private static long finishedModel(TaskerApi api) throws InterruptedException {
        long model = api.create(Workload.W1.request());
        api.awaitFinished(model, Duration.ofMillis(20), Instant.now().plus(RUN_TIMEOUT));
        return model;
    }

    // What the results depend on besides Tasker: the database's durability settings and the machine.
    private static JsonObject environment(Optional<DatabaseAddress> database, BenchOptions options)
            throws SQLException {
        JsonObjectBuilder environment = Json.createObjectBuilder()
                .add("at", Instant.now().toString())
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add("history_steps", options.history())
                .add("history_tasks", options.taskHistory());
        if (database.isPresent()) {
            DatabaseAddress db = database.get();
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT current_setting('fsync'), "
                         + "current_setting('synchronous_commit'), current_setting('server_version')")) {
                row.next();
                environment.add("fsync", row.getString(1))
                        .add("synchronous_commit", row.getString(2))
                        .add("postgres", row.getString(3));
            }
        }
        return environment.build();
    }
}
