package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An upgrade from release 0.1.0 (tag {@code v0.1.0}): a database made as that release made it, with tasks in
 * flight, is taken over by a node of this build, which migrates it and finishes the tasks; the schema it ends with is
 * the one a fresh install has (the shared stack's database).
 *
 * <p>The release's database is made from its migrations, V1 to V9, which later releases never change (Flyway refuses
 * to start if they did), and its tasks are put in flight with the functions those migrations define, called as the
 * release's engine called them.
 */
@ExtendWith(TaskerStackExtension.class)
class SchemaUpgradeIT {

    private static final Pattern RELEASE_MIGRATION = Pattern.compile("V[1-9]__.*\\.sql");
    private static final Pattern FUNCTION = Pattern.compile("CREATE OR REPLACE FUNCTION\\s+(\\w+)\\s*\\(");
    private static final String CLAIMANT = "release-0.1.0-node#1";

    @Test
    void aDatabaseOfRelease010WithTasksInFlightIsMigratedItsTasksFinishAndItsSchemaIsAFreshInstalls(
            RunningStack fresh) throws Exception {
        Path directory = Path.of(System.getProperty("tasker.it.data.dir", "target/it-data") + "-upgrade")
                .toAbsolutePath();
        Directories.deleteRecursively(directory);
        List<Integer> ports = TaskerStackExtension.freePorts(3);
        try (PostgresServer postgres = PostgresServer.start(directory.resolve("postgres"), ports.get(0),
                directory.resolve("logs").resolve("postgres.log"))) {
            LauncherSettings.DatabaseAddress db = postgres.address();
            migrateAsRelease010(db, directory.resolve("release-0.1.0-migrations"));
            List<Long> inFlight = putTasksInFlightAsRelease010(db);

            LauncherSettings settings = new LauncherSettings(directory, ports.get(1), Optional.of(db),
                    Optional.empty(), ports.get(0), ports.get(2), "upgrade-node",
                    List.of(LauncherSettings.DEFAULT_JVM_OPTIONS.split(" ")), false);
            try (TaskerStack upgraded = TaskerStack.start(settings, TaskerStackExtension.NODE_SETTINGS, System.out);
                 BrokerClient broker = new BrokerClient(upgraded.broker(), Optional.empty())) {
                // The messages the release had queued for them, still in its broker's journal.
                for (long taskId : inFlight) {
                    broker.send(BrokerClient.TASK_RUNNER, Long.toString(taskId), Map.of("task_id", taskId));
                }
                awaitComplete(db, inFlight);
            }

            Set<String> freshInstall = SchemaCatalog.of(fresh.database());
            Set<String> upgradedInstall = SchemaCatalog.of(db);
            assertEquals(List.of(), SchemaCatalog.missingFrom(upgradedInstall, freshInstall),
                    "what a fresh install has and the upgraded database lacks");
            assertEquals(List.of(), SchemaCatalog.missingFrom(freshInstall, upgradedInstall),
                    "what the upgraded database has and a fresh install lacks");
            assertEquals(functionsOfTheRepeatableMigrations(), SchemaCatalog.functionNames(db),
                    "the schema's functions are those the repeatable migrations define, each in one file");
        }
    }

    // Flyway, configured as release 0.1.0 configured it, applies the release's migrations.
    private static void migrateAsRelease010(LauncherSettings.DatabaseAddress db, Path migrations) throws IOException {
        Files.createDirectories(migrations);
        List<Path> copied = new ArrayList<>();
        try (Stream<Path> files = Files.list(sqlDirectory())) {
            for (Path file : files.filter(f -> RELEASE_MIGRATION.matcher(f.getFileName().toString()).matches())
                    .toList()) {
                copied.add(Files.copy(file, migrations.resolve(file.getFileName())));
            }
        }
        assertEquals(9, copied.size(), "the migrations of release 0.1.0: " + copied);
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("filesystem:" + migrations)
                .table("tasker_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * Four diamonds of the benchmark (a → b, c → d) left as the release left them: one never started; one whose
     * step a was claimed by a node that then died (its lease ran out); one whose c failed and waits for its retry,
     * the task back to pending; one whose d was given back by a stopping node. Returns their ids.
     */
    private static List<Long> putTasksInFlightAsRelease010(LauncherSettings.DatabaseAddress db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            String plan = registerDiamondAsRelease010(connection);
            long neverStarted = create(connection, plan);

            long orphaned = create(connection, plan);
            call(connection, "SELECT * FROM tasker_start_pass(" + orphaned + ", '" + CLAIMANT + "', 12, 0.001)");

            long retrying = create(connection, plan);
            call(connection, "SELECT * FROM tasker_start_pass(" + retrying + ", '" + CLAIMANT + "', 12, 60)");
            completeAndClaim(connection, retrying, "a");
            completeAndClaim(connection, retrying, "b");
            call(connection, "SELECT tasker_fail_step(" + stepId(connection, retrying, "c")
                    + ", 1, '{\"error\": \"boom\"}', false, 1, true)");
            call(connection, "SELECT tasker_transition_task(" + retrying + ", ARRAY['in_progress'], 'pending',"
                    + " '{\"reason\": \"retry_backoff\"}')");
            call(connection, "SELECT tasker_schedule_task_pass(" + retrying + ", 1)");

            long released = create(connection, plan);
            call(connection, "SELECT * FROM tasker_start_pass(" + released + ", '" + CLAIMANT + "', 12, 60)");
            completeAndClaim(connection, released, "a");
            completeAndClaim(connection, released, "b");
            completeAndClaim(connection, released, "c");
            call(connection, "SELECT tasker_release_claims(" + released + ", '" + CLAIMANT + "')");
            call(connection, "SELECT tasker_transition_task(" + released + ", ARRAY['in_progress'], 'pending',"
                    + " '{\"reason\": \"node_stopping\"}')");
            return List.of(neverStarted, orphaned, retrying, released);
        }
    }

    // The definitions the release's boot recorded for bench.w2_diamond, and the step plan of its tasks.
    private static String registerDiamondAsRelease010(Connection connection) throws SQLException {
        call(connection, """
                WITH namespace AS (
                    INSERT INTO tasker_task_namespaces (name) VALUES ('bench') RETURNING task_namespace_id),
                task AS (
                    INSERT INTO tasker_named_tasks (task_namespace_id, name, version, description)
                    SELECT task_namespace_id, 'w2_diamond', '1.0.0', 'Benchmark W2: a -> (b, c) -> d' FROM namespace),
                system AS (
                    INSERT INTO tasker_dependent_systems (name) VALUES ('bench') RETURNING dependent_system_id)
                INSERT INTO tasker_named_steps (dependent_system_id, name, description)
                SELECT dependent_system_id, step, step FROM system, unnest(ARRAY['a', 'b', 'c', 'd']) step""");
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT jsonb_agg(jsonb_build_object('name', name, 'named_step_id', named_step_id,
                                'retryable', true, 'retry_limit', 3, 'skippable', false,
                                'depends_on', CASE name WHEN 'a' THEN '[]'::jsonb WHEN 'd' THEN '["b", "c"]'::jsonb
                                                        ELSE '["a"]'::jsonb END) ORDER BY name)
                       FROM tasker_named_steps""")) {
            row.next();
            return row.getString(1);
        }
    }

    private static long create(Connection connection, String plan) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT tasker_create_task(named_task_id, ?::jsonb, '{}', 'upgrade-it', NULL, NULL, '[]', '[]', NULL,
                                          NULL)
                  FROM tasker_named_tasks WHERE name = 'w2_diamond'""")) {
            statement.setString(1, plan);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void completeAndClaim(Connection connection, long taskId, String step) throws SQLException {
        call(connection, "SELECT * FROM tasker_complete_step_and_claim(" + taskId + ", " + stepId(connection, taskId,
                step) + ", 1, '{}', '" + CLAIMANT + "', 12, 60)");
    }

    private static long stepId(Connection connection, long taskId, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT workflow_step_id FROM tasker_workflow_steps"
                     + " WHERE task_id = " + taskId + " AND name = '" + name + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void call(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void awaitComplete(LauncherSettings.DatabaseAddress db, List<Long> taskIds) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String unfinished = "";
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT string_agg(task_id || ' ' || status, ', ') FROM tasker_tasks"
                             + " WHERE task_id = ANY (?) AND status <> 'complete'")) {
            statement.setArray(1, connection.createArrayOf("bigint", taskIds.toArray()));
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    unfinished = row.getString(1);
                }
                if (unfinished == null) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        fail("tasks left unfinished after the upgrade: " + unfinished);
    }

    private static Set<String> functionsOfTheRepeatableMigrations() throws IOException {
        Set<String> functions = new TreeSet<>();
        try (Stream<Path> files = Files.list(sqlDirectory())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("R__")).toList()) {
                Matcher matcher = FUNCTION.matcher(Files.readString(file));
                while (matcher.find()) {
                    assertTrue(functions.add(matcher.group(1)), matcher.group(1) + " is defined twice");
                }
            }
        }
        return functions;
    }

    private static Path sqlDirectory() {
        return Path.of(System.getProperty("tasker.sql.dir", "../sql"));
    }
}
