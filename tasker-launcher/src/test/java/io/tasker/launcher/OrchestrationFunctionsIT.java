package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
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
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema's orchestration functions, called directly on the stack's database the way a pass calls them, for the
 * interleavings a pass cannot be made to hit on purpose. The tasks are created by {@code tasker_create_task} and never
 * sent to the task runner (their next pass is set an hour ahead, so the sweep leaves them alone too).
 */
@ExtendWith(TaskerStackExtension.class)
class OrchestrationFunctionsIT {

    private static final String CLAIMANT = "functions-it#1";
    private static final String OTHER_CLAIMANT = "functions-it#2";
    // The named task of the benchmark's diamond (a -> b, c -> d) and its step plan, as the node registered them.
    private static final String DIAMOND_DEFINITION = """
            SELECT nt.named_task_id,
                   (SELECT jsonb_agg(jsonb_build_object('name', ns.name, 'named_step_id', ns.named_step_id,
                               'retryable', true, 'retry_limit', 3, 'skippable', false,
                               'depends_on', CASE ns.name WHEN 'a' THEN '[]'::jsonb WHEN 'd' THEN '["b", "c"]'::jsonb
                                                          ELSE '["a"]'::jsonb END) ORDER BY ns.name)
                      FROM tasker_named_steps ns
                      JOIN tasker_dependent_systems ds ON ds.dependent_system_id = ns.dependent_system_id
                     WHERE ds.name = 'bench' AND ns.name IN ('a', 'b', 'c', 'd')) AS plan
              FROM tasker_named_tasks nt
              JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
             WHERE ns.name = 'bench' AND nt.name = 'w2_diamond' AND nt.version = '1.0.0'""";

    @Test
    void twoBranchesCompletingTogetherClaimTheirJoin(RunningStack stack) throws Exception {
        LauncherSettings.DatabaseAddress db = stack.database();
        try (Connection first = connect(db); Connection second = connect(db); Connection observer = connect(db)) {
            long taskId = createDiamond(first);
            Map<String, Long> steps = stepIds(first, taskId);
            assertEquals(List.of("a"), names(claim(first, taskId)));
            assertEquals(List.of("b", "c"), names(completeAndClaim(first, taskId, steps.get("a"))));

            // b completes in an open transaction: d still waits for c.
            first.setAutoCommit(false);
            assertEquals(List.of(), names(completeAndClaim(first, taskId, steps.get("b"))));
            // c completes meanwhile: it must wait for b's transaction, then see b complete and claim d.
            second.setAutoCommit(false);
            int secondPid = backendPid(second);
            CompletableFuture<List<String>> secondClaims = CompletableFuture.supplyAsync(() -> {
                try {
                    List<String> claimed = names(completeAndClaim(second, taskId, steps.get("c")));
                    second.commit();
                    return claimed;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitLockWait(observer, secondPid);
            first.commit();

            assertEquals(List.of("d"), secondClaims.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void anAttemptThatLostItsClaimCompletesNothingAndClaimsNothing(RunningStack stack) throws Exception {
        try (Connection connection = connect(stack.database())) {
            long taskId = createDiamond(connection);
            Map<String, Long> steps = stepIds(connection, taskId);
            claim(connection, taskId);
            release(connection, taskId);

            List<Row> rows = completeAndClaim(connection, taskId, steps.get("a"));

            assertEquals(1, rows.size());
            assertFalse(rows.get(0).completed());
            assertEquals("pending", status(connection, steps.get("a")));
        }
    }

    @Test
    void aClaimantWhoseClaimWasGivenBackAndTakenByAnotherCanNeitherCompleteNorFailTheStep(RunningStack stack)
            throws Exception {
        try (Connection connection = connect(stack.database())) {
            long taskId = createDiamond(connection);
            long a = stepIds(connection, taskId).get("a");
            assertEquals(List.of(new Row(true, "a", false)), claim(connection, taskId, CLAIMANT));
            release(connection, taskId);
            // The step's next claim counts the same attempt number, under another claimant.
            assertEquals(List.of(new Row(true, "a", false)), claim(connection, taskId, OTHER_CLAIMANT));

            assertEquals(List.of(new Row(false, null, false)),
                    completeAndClaim(connection, taskId, a, CLAIMANT, "{\"by\": \"first\"}", 10));
            assertFalse(fail(connection, a, CLAIMANT), "the first claimant's failure was recorded");
            assertEquals(0, renew(connection, a, CLAIMANT), "the first claimant renewed a claim it no longer holds");
            assertEquals(List.of(new Row(true, "b", false), new Row(true, "c", false)),
                    completeAndClaim(connection, taskId, a, OTHER_CLAIMANT, "{\"by\": \"second\"}", 10));

            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT s.results ->> 'by',
                           (SELECT count(*) FROM tasker_workflow_step_transitions t
                             WHERE t.workflow_step_id = s.workflow_step_id AND t.to_state = 'complete')
                      FROM tasker_workflow_steps s WHERE s.workflow_step_id = ?""")) {
                statement.setLong(1, a);
                try (ResultSet row = statement.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals("second", row.getString(1), "the step's results");
                    assertEquals(1, row.getInt(2), "completions in the step's history");
                }
            }
        }
    }

    @Test
    void aCompletionWithNoRoomClaimsNothing(RunningStack stack) throws Exception {
        try (Connection connection = connect(stack.database())) {
            long taskId = createDiamond(connection);
            Map<String, Long> steps = stepIds(connection, taskId);
            claim(connection, taskId);

            List<Row> rows = completeAndClaim(connection, taskId, steps.get("a"), 0);

            assertEquals(List.of(new Row(true, null, false)), rows);
            assertEquals("pending", status(connection, steps.get("b")));
        }
    }

    @Test
    void theLastStepsCompletionCompletesTheTaskWithItsSummary(RunningStack stack) throws Exception {
        try (Connection connection = connect(stack.database())) {
            long taskId = createDiamond(connection);
            Map<String, Long> steps = stepIds(connection, taskId);
            claim(connection, taskId);
            completeAndClaim(connection, taskId, steps.get("a"));

            assertEquals(List.of(new Row(true, null, false)), completeAndClaim(connection, taskId, steps.get("b")));
            assertEquals(List.of(new Row(true, "d", false)), completeAndClaim(connection, taskId, steps.get("c")));
            assertEquals("pending", taskStatus(connection, taskId));

            assertEquals(List.of(new Row(true, null, true)), completeAndClaim(connection, taskId, steps.get("d")));
            assertEquals("complete", taskStatus(connection, taskId));
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT to_state, metadata::text FROM tasker_task_transitions
                     WHERE task_id = ? ORDER BY sort_key DESC LIMIT 1""")) {
                statement.setLong(1, taskId);
                try (ResultSet row = statement.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals("complete", row.getString(1));
                    assertEquals("{\"total_steps\": 4, \"failed_steps\": 0, \"cancelled_steps\": 0, "
                            + "\"completed_steps\": 4}", row.getString(2));
                }
            }
        }
    }

    @Test
    void runningTasksScansNoWholeTableNorTheSweepsIndexAndUpdatesStepsInPlace(RunningStack stack) throws Exception {
        // Forty diamonds created, started, completed and finalized in one transaction (rolled back), enough calls
        // for PostgreSQL to plan the functions' statements generically from the statistics it has. On a young
        // database those say the sweep's partial index of active tasks is nearly empty, though it holds every dead
        // version of an active task: a per-task statement that used it would scan them all. The steps' state
        // changes must be HOT updates (no index entries written), which needs every index to leave alone the
        // columns they change.
        String workload = """
                DO $$
                DECLARE
                    task bigint;
                    step bigint;
                    plan jsonb := %s;
                BEGIN
                    FOR i IN 1..40 LOOP
                        SELECT c.task_id INTO task FROM tasker_create_task(%d, plan, '{}', 'functions-it-scans', NULL,
                                                                       NULL, '[]', '[]', NULL, NULL, NULL) c;
                        PERFORM tasker_start_pass(task, 'functions-it#2', 10, 60);
                        FOR step IN SELECT workflow_step_id FROM tasker_workflow_steps
                                     WHERE task_id = task ORDER BY name LOOP
                            PERFORM tasker_complete_step_and_claim(task, step, 1, '{}', 'functions-it#2', 10, 60);
                        END LOOP;
                        PERFORM get_task_execution_context(task);
                        PERFORM tasker_finish_task(task, 'complete', '{}');
                    END LOOP;
                END
                $$""";
        try (Connection connection = connect(stack.database())) {
            connection.setAutoCommit(false);
            String plan;
            int namedTaskId;
            try (PreparedStatement statement = connection.prepareStatement(DIAMOND_DEFINITION);
                 ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), "the bench namespace's diamond is not registered");
                namedTaskId = row.getInt(1);
                plan = row.getString(2);
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    workload.formatted("'" + plan + "'", namedTaskId))) {
                statement.execute();
            }
            Map<String, Long> sequentialScans = counts(connection, """
                    SELECT relname, seq_scan FROM pg_stat_xact_user_tables
                     WHERE relname IN ('tasker_tasks', 'tasker_workflow_steps', 'tasker_workflow_step_edges',
                                       'tasker_task_transitions', 'tasker_workflow_step_transitions')""");
            Map<String, Long> sweepIndexScans = counts(connection, """
                    SELECT relname, pg_stat_get_xact_numscans(oid) FROM pg_class
                     WHERE relname = 'tasks_active_next_pass_idx'""");
            Map<String, Long> stepUpdates = counts(connection, """
                    SELECT 'all', pg_stat_get_xact_tuples_updated(oid) FROM pg_class WHERE relname = 'tasker_workflow_steps'
                    UNION ALL
                    SELECT 'hot', pg_stat_get_xact_tuples_hot_updated(oid) FROM pg_class
                     WHERE relname = 'tasker_workflow_steps'""");
            long completed = counts(connection, "SELECT 'complete', count(*) FROM tasker_tasks"
                    + " WHERE initiator = 'functions-it-scans' AND status = 'complete'").get("complete");
            connection.rollback();
            assertEquals(40, completed, "the workload did not run to the end");
            assertEquals(5, sequentialScans.size(), "tables seen: " + sequentialScans);
            assertTrue(sequentialScans.values().stream().allMatch(scans -> scans == 0),
                    "sequential scans: " + sequentialScans);
            assertEquals(Map.of("tasks_active_next_pass_idx", 0L), sweepIndexScans);
            // Each step is claimed and completed (two updates); nine in ten at least in place: a page can fill up
            // before the versions on it are pruned.
            assertTrue(stepUpdates.get("all") >= 40 * 4 * 2, "step updates: " + stepUpdates);
            assertTrue(stepUpdates.get("hot") >= stepUpdates.get("all") * 9 / 10, "step updates: " + stepUpdates);
        }
    }

    @Test
    void everyPlPgSqlFunctionPlansItsStatementsOncePerConnection(RunningStack stack) throws Exception {
        // With the default plan_cache_mode a statement over an array argument is planned again at every call:
        // a fifth of PostgreSQL's CPU in a run (sql/README.md). The planning itself is seen only through
        // pg_stat_statements, which the embedded server does not load, so this checks the setting on each function.
        try (Connection connection = connect(stack.database())) {
            Map<String, Long> functions = counts(connection, """
                    SELECT p.oid::regprocedure::text,
                           count(*) FILTER (WHERE 'plan_cache_mode=force_generic_plan' = ANY (p.proconfig))
                      FROM pg_proc p
                      JOIN pg_language l ON l.oid = p.prolang
                     WHERE l.lanname = 'plpgsql' AND p.pronamespace = current_schema()::regnamespace
                     GROUP BY p.oid""");
            assertTrue(functions.keySet().stream().anyMatch(name -> name.startsWith("tasker_complete_step_and_claim(")),
                    "PL/pgSQL functions: " + functions.keySet());
            List<String> planningPerCall = functions.entrySet().stream().filter(function -> function.getValue() == 0)
                    .map(Map.Entry::getKey).sorted().toList();
            assertEquals(List.of(), planningPerCall);
        }
    }

    // Rows of (name, count).
    private static Map<String, Long> counts(Connection connection, String sql) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                counts.put(row.getString(1), row.getLong(2));
            }
        }
        return counts;
    }

    private record Row(boolean completed, String claimed, boolean taskCompleted) {
    }

    /**
     * Cancels the tasks these tests left unfinished: their claims expire, and the sweep would then drive them (a
     * diamond's four steps) during a later test of the shared stack, into its counts (MultiNodeIT's, it was seen).
     */
    @AfterAll
    static void cancelTheTasksLeftUnfinished(RunningStack stack) throws Exception {
        List<Long> unfinished = new ArrayList<>();
        try (Connection connection = connect(stack.database());
             PreparedStatement statement = connection.prepareStatement("SELECT task_id FROM tasker_tasks"
                     + " WHERE initiator LIKE 'functions-it%' AND status IN ('pending', 'in_progress')");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                unfinished.add(rows.getLong(1));
            }
        }
        TaskerClient client = stack.client();
        for (long taskId : unfinished) {
            assertEquals(200, client.delete("/tasks/" + taskId).status(), "task " + taskId);
        }
    }

    private static Connection connect(LauncherSettings.DatabaseAddress db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    // A task of the benchmark's diamond.
    private static long createDiamond(Connection connection) throws SQLException {
        String sql = "SELECT created.task_id FROM (" + DIAMOND_DEFINITION + ") diamond, LATERAL"
                + " tasker_create_task(named_task_id, plan, '{}', 'functions-it', NULL, NULL, '[]', '[]', NULL, NULL,"
                + " NULL)"
                + " created";
        long taskId;
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            assertTrue(row.next(), "the bench namespace's diamond is not registered");
            taskId = row.getLong(1);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tasker_tasks SET next_pass_at = now() + interval '1 hour' WHERE task_id = ?")) {
            statement.setLong(1, taskId);
            statement.executeUpdate();
        }
        return taskId;
    }

    private static Map<String, Long> stepIds(Connection connection, long taskId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, workflow_step_id FROM tasker_workflow_steps WHERE task_id = ?")) {
            statement.setLong(1, taskId);
            Map<String, Long> ids = new HashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.put(row.getString(1), row.getLong(2));
                }
            }
            assertEquals(4, ids.size(), "the diamond's steps: " + ids);
            return ids;
        }
    }

    private static List<Row> claim(Connection connection, long taskId) throws SQLException {
        return claim(connection, taskId, CLAIMANT);
    }

    private static List<Row> claim(Connection connection, long taskId, String claimant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT true, name, false FROM tasker_claim_ready_steps(?, ?, 10, 60) ORDER BY name")) {
            statement.setLong(1, taskId);
            statement.setString(2, claimant);
            return rows(statement);
        }
    }

    private static List<Row> completeAndClaim(Connection connection, long taskId, long stepId) throws SQLException {
        return completeAndClaim(connection, taskId, stepId, 10);
    }

    private static List<Row> completeAndClaim(Connection connection, long taskId, long stepId, int maxSteps)
            throws SQLException {
        return completeAndClaim(connection, taskId, stepId, CLAIMANT, "{}", maxSteps);
    }

    // Completes attempt 1 of the step under the claimant.
    private static List<Row> completeAndClaim(Connection connection, long taskId, long stepId, String claimant,
                                              String results, int maxSteps) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT completed, name, task_completed
                  FROM tasker_complete_step_and_claim(?, ?, 1, ?::jsonb, ?, ?, 60) ORDER BY name""")) {
            statement.setLong(1, taskId);
            statement.setLong(2, stepId);
            statement.setString(3, results);
            statement.setString(4, claimant);
            statement.setInt(5, maxSteps);
            return rows(statement);
        }
    }

    // Fails attempt 1 of the step under the claimant (counted, retryable, due at once).
    private static boolean fail(Connection connection, long stepId, String claimant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tasker_fail_step(?, 1, ?, '{\"error\": \"late\"}', false, 0, true)")) {
            statement.setLong(1, stepId);
            statement.setString(2, claimant);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    // Renews attempt 1 of the step under the claimant; returns how many claims it renewed.
    private static int renew(Connection connection, long stepId, String claimant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tasker_renew_step_leases(ARRAY[?]::bigint[], ARRAY[1], ?, 60)")) {
            statement.setLong(1, stepId);
            statement.setString(2, claimant);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void release(Connection connection, long taskId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT tasker_release_claims(?, ?)")) {
            statement.setLong(1, taskId);
            statement.setString(2, CLAIMANT);
            statement.executeQuery().close();
        }
    }

    private static String taskStatus(Connection connection, long taskId) throws SQLException {
        return status(connection, "SELECT status FROM tasker_tasks WHERE task_id = ?", taskId);
    }

    private static String status(Connection connection, long stepId) throws SQLException {
        return status(connection, "SELECT status FROM tasker_workflow_steps WHERE workflow_step_id = ?", stepId);
    }

    private static String status(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private static List<Row> rows(PreparedStatement statement) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(new Row(row.getBoolean(1), row.getString(2), row.getBoolean(3)));
            }
        }
        return rows;
    }

    // The steps a call claimed, by name; a row without a step only reports the completion.
    private static List<String> names(List<Row> rows) {
        assertTrue(rows.stream().allMatch(Row::completed), "a completion was refused: " + rows);
        return rows.stream().map(Row::claimed).filter(Objects::nonNull).toList();
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    // Polls (from a session outside any transaction, whose view of the activity is fresh) until the backend waits for a lock another transaction holds.
    private static void awaitLockWait(Connection observer, int pid) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        try (PreparedStatement statement = observer.prepareStatement(
                "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
            statement.setInt(1, pid);
            while (true) {
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return;
                    }
                }
                assertTrue(Instant.now().isBefore(deadline), "backend " + pid + " never waited for the task's lock");
                Thread.sleep(20);
            }
        }
    }
}
