package io.tasker.launcher;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A mixed batch of example tasks with scripted failures (and optionally slow steps), and the checks the fault tests
 * make against the example handlers' execution ledger: every step of every task succeeded exactly once, and every
 * scripted step failed exactly as often as scripted.
 */
final class Workload {

    private static final Map<String, List<String>> SHAPES = Map.of(
            "linear_workflow", List.of("initialize_data", "validate_input", "process_data", "transform_results",
                    "validate_output", "finalize_workflow"),
            "diamond_workflow", List.of("start_workflow", "branch_one_process", "branch_two_process",
                    "branch_one_validate", "branch_two_validate", "merge_branches", "end_workflow"),
            "parallel_merge_workflow", List.of("fetch_user_data", "fetch_order_data", "fetch_inventory_data",
                    "fetch_pricing_data", "process_user_data", "process_order_data", "merge_all_data"),
            "tree_workflow", List.of("root_initialization", "branch_a_setup", "branch_b_setup", "branch_a_task_one",
                    "branch_a_task_two", "branch_b_task_one", "branch_b_task_two", "aggregate_results"),
            "mixed_workflow", List.of("init_auth", "init_config", "validate_permissions", "setup_environment",
                    "begin_processing", "process_critical_data", "process_optional_data", "cleanup_temp_files",
                    "finalize_and_report"));
    private static final List<String> SHAPE_ORDER = List.copyOf(new TreeSet<>(SHAPES.keySet()));

    /** One task of the batch: its template, the step scripted to fail and how often. */
    record Planned(String shape, String failingStep, int failures) {

        String request(int sleepMillis) {
            String sleep = sleepMillis == 0 ? "" : ", \"sleep_ms\": {\"%s\": %d}".formatted(failingStep, sleepMillis);
            return """
                    {"name": "%s", "namespace": "examples",
                     "context": {"fail_times": {"%s": %d}%s}}""".formatted(shape, failingStep, failures, sleep);
        }
    }

    private final Map<Long, Planned> tasks = new HashMap<>();

    /** Plans {@code count} tasks cycling through the shapes, each with one step failing 0 to 2 times. */
    static List<Planned> plan(int count, long seed) {
        return plan(count, seed, 2);
    }

    /**
     * Plans {@code count} tasks cycling through the shapes, each with one step failing 0 to {@code maxFailures}
     * times: a fault that costs attempts needs room below the retry limit of 3.
     */
    static List<Planned> plan(int count, long seed, int maxFailures) {
        Random random = new Random(seed);
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String shape = SHAPE_ORDER.get(i % SHAPE_ORDER.size());
            List<String> steps = SHAPES.get(shape);
            planned.add(new Planned(shape, steps.get(random.nextInt(steps.size())), random.nextInt(maxFailures + 1)));
        }
        return planned;
    }

    /** Creates the planned tasks through the API, from several threads at once. */
    static Workload submit(TaskerClient client, List<Planned> planned, int sleepMillis) throws Exception {
        Workload workload = new Workload();
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (Planned task : planned) {
                ids.add(submitters.submit(() -> client.createTask(task.request(sleepMillis))));
            }
            for (int i = 0; i < planned.size(); i++) {
                workload.tasks.put(ids.get(i).get(), planned.get(i));
            }
        } finally {
            submitters.shutdown();
        }
        return workload;
    }

    List<Long> taskIds() {
        return List.copyOf(tasks.keySet());
    }

    /**
     * Waits until every task is complete; returns how long that took from {@code since}.
     *
     * @throws AssertionError when a task ends otherwise, with the history of its unfinished steps
     */
    Duration awaitComplete(TaskerClient client, LauncherSettings.DatabaseAddress db, Instant since, Duration timeout)
            throws InterruptedException, SQLException {
        Instant deadline = Instant.now().plus(timeout);
        for (long taskId : tasks.keySet()) {
            JsonObject task = client.awaitFinished(taskId, Duration.between(Instant.now(), deadline));
            if (!"complete".equals(task.getString("status"))) {
                StringBuilder history = new StringBuilder();
                for (JsonObject step : task.getJsonArray("workflow_steps").getValuesAs(JsonObject.class)) {
                    if (!"complete".equals(step.getString("status"))) {
                        history.append("\n  ").append(step.getString("name")).append(": ")
                                .append(Database.stepTransitions(db, taskId, step.getString("name")));
                    }
                }
                throw new AssertionError("task " + taskId + " ended " + task.getString("status") + history);
            }
        }
        return Duration.between(since, Instant.now());
    }

    /**
     * Checks the ledger: each step of each task succeeded exactly once, and failed exactly as often as scripted.
     *
     * @throws AssertionError listing every deviation
     */
    void assertExecutedExactlyAsScripted(LauncherSettings.DatabaseAddress db) throws SQLException {
        assertLedger(db, 0, true);
    }

    /**
     * Checks the ledger after a fault that may cost or repeat failed attempts: each step of each task succeeded
     * exactly once, and failed at most {@code extraFailures} more times than scripted.
     *
     * @throws AssertionError listing every deviation
     */
    void assertSucceededExactlyOnce(LauncherSettings.DatabaseAddress db, int extraFailures) throws SQLException {
        assertLedger(db, extraFailures, false);
    }

    private void assertLedger(LauncherSettings.DatabaseAddress db, int extraFailures, boolean exact)
            throws SQLException {
        Map<String, int[]> counts = ledger(db);
        List<String> deviations = new ArrayList<>();
        tasks.forEach((taskId, planned) -> {
            for (String step : SHAPES.get(planned.shape())) {
                int[] count = counts.getOrDefault(taskId + "/" + step, new int[2]);
                int scripted = step.equals(planned.failingStep()) ? planned.failures() : 0;
                boolean failuresAsExpected = exact ? count[1] == scripted : count[1] <= scripted + extraFailures;
                if (count[0] != 1 || !failuresAsExpected) {
                    deviations.add("task " + taskId + " step " + step + ": " + count[0] + " successes, " + count[1]
                            + " failures (expected 1 and " + (exact ? "" : "at most ") + (scripted + extraFailures)
                            + ")");
                }
            }
        });
        if (!deviations.isEmpty()) {
            throw new AssertionError(deviations.size() + " deviations: " + deviations.subList(0,
                    Math.min(20, deviations.size())));
        }
    }

    // task/step -> [successes, failures]
    private Map<String, int[]> ledger(LauncherSettings.DatabaseAddress db) throws SQLException {
        String sql = """
                SELECT task_id, step_name, count(*) FILTER (WHERE outcome = 'success'),
                       count(*) FILTER (WHERE outcome = 'failure')
                  FROM tasker_examples_ledger
                 WHERE task_id = ANY (?)
                 GROUP BY task_id, step_name""";
        Map<String, int[]> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("bigint", tasks.keySet().toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getLong(1) + "/" + row.getString(2), new int[] {row.getInt(3), row.getInt(4)});
                }
            }
        }
        return counts;
    }
}
