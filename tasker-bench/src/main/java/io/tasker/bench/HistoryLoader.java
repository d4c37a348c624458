package io.tasker.bench;

import io.tasker.launcher.LauncherSettings.DatabaseAddress;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the database with a history of finished workflows, copies of one that really ran (its steps, edges and
 * transitions, with new ids from Tasker's sequences), to show that history does not slow the engine down. The rows
 * are copied whole, so the copies follow the schema as it changes.
 */
final class HistoryLoader {

    private static final int TASKS_PER_BATCH = 5_000;

    /** What a statement's one parameter is, if it has one. */
    private enum Parameter { NONE, BATCH_SIZE, MODEL_TASK }

    private record Copy(Parameter parameter, String sql) {
    }

    // Each copy is the model's row as JSON with its keys replaced, read back as a row of the same table: the copy
    // has every column the schema has, without the benchmark naming them.
    private static final Copy[] STATEMENTS = {
        new Copy(Parameter.BATCH_SIZE, """
        CREATE TEMP TABLE history_tasks ON COMMIT DROP AS
        SELECT nextval('tasker_tasks_seq') AS task_id FROM generate_series(1, ?)"""),
        new Copy(Parameter.MODEL_TASK, """
        INSERT INTO tasker_tasks
        SELECT (jsonb_populate_record(NULL::tasker_tasks, to_jsonb(t) || jsonb_build_object('task_id', h.task_id))).*
          FROM history_tasks h CROSS JOIN tasker_tasks t
         WHERE t.task_id = ?"""),
        new Copy(Parameter.MODEL_TASK, """
        CREATE TEMP TABLE history_steps ON COMMIT DROP AS
        SELECT h.task_id, s.workflow_step_id AS original_id, nextval('tasker_workflow_steps_seq') AS step_id
          FROM history_tasks h CROSS JOIN tasker_workflow_steps s
         WHERE s.task_id = ?"""),
        new Copy(Parameter.NONE, """
        INSERT INTO tasker_workflow_steps
        SELECT (jsonb_populate_record(NULL::tasker_workflow_steps,
                    to_jsonb(s) || jsonb_build_object('workflow_step_id', c.step_id, 'task_id', c.task_id))).*
          FROM history_steps c JOIN tasker_workflow_steps s ON s.workflow_step_id = c.original_id"""),
        new Copy(Parameter.NONE, "ANALYZE history_steps"),
        // The model's edges only: joined with the whole table, each batch would read every edge copied before it.
        new Copy(Parameter.MODEL_TASK, """
        INSERT INTO tasker_workflow_step_edges
        SELECT (jsonb_populate_record(NULL::tasker_workflow_step_edges,
                    to_jsonb(e) || jsonb_build_object('id', nextval('tasker_workflow_step_edges_seq'),
                                                      'from_step_id', f.step_id, 'to_step_id', t.step_id))).*
          FROM tasker_workflow_step_edges e
          JOIN tasker_workflow_steps model ON model.workflow_step_id = e.from_step_id
          JOIN history_steps f ON f.original_id = e.from_step_id
          JOIN history_steps t ON t.original_id = e.to_step_id AND t.task_id = f.task_id
         WHERE model.task_id = ?"""),
        new Copy(Parameter.NONE, """
        INSERT INTO tasker_workflow_step_transitions OVERRIDING SYSTEM VALUE
        SELECT (jsonb_populate_record(NULL::tasker_workflow_step_transitions,
                    to_jsonb(r) || jsonb_build_object(
                        'id', nextval(pg_get_serial_sequence('tasker_workflow_step_transitions', 'id')),
                        'workflow_step_id', c.step_id))).*
          FROM history_steps c JOIN tasker_workflow_step_transitions r ON r.workflow_step_id = c.original_id"""),
        new Copy(Parameter.MODEL_TASK, """
        INSERT INTO tasker_task_transitions OVERRIDING SYSTEM VALUE
        SELECT (jsonb_populate_record(NULL::tasker_task_transitions,
                    to_jsonb(r) || jsonb_build_object(
                        'id', nextval(pg_get_serial_sequence('tasker_task_transitions', 'id')),
                        'task_id', h.task_id))).*
          FROM history_tasks h CROSS JOIN tasker_task_transitions r
         WHERE r.task_id = ?""")
    };
    private static final int TASKS_ONLY_PER_BATCH = 100_000;
    // Copies of the model task's row alone, created one second apart going back from the model, newest first.
    private static final String TASK_COPIES = """
            INSERT INTO tasker_tasks
            SELECT (jsonb_populate_record(NULL::tasker_tasks, to_jsonb(t) || jsonb_build_object(
                       'task_id', nextval('tasker_tasks_seq'),
                       'created_at', t.created_at - (? + g) * interval '1 second',
                       'requested_at', t.requested_at - (? + g) * interval '1 second'))).*
              FROM tasker_tasks t CROSS JOIN generate_series(1, ?) g
             WHERE t.task_id = ?""";
    private static final String[] TABLES = {"tasker_tasks", "tasker_workflow_steps", "tasker_workflow_step_edges",
        "tasker_workflow_step_transitions", "tasker_task_transitions"};

    private HistoryLoader() {
    }

    /**
     * Adds {@code copies} copies of the finished task {@code model}'s row, without its steps or transitions (what a
     * list of tasks reads), then vacuums and analyses the table.
     */
    static void loadTasks(DatabaseAddress database, long model, int copies, PrintStream out) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password())) {
            for (int done = 0; done < copies; done += TASKS_ONLY_PER_BATCH) {
                int batch = Math.min(TASKS_ONLY_PER_BATCH, copies - done);
                try (PreparedStatement statement = connection.prepareStatement(TASK_COPIES)) {
                    statement.setInt(1, done);
                    statement.setInt(2, done);
                    statement.setInt(3, batch);
                    statement.setLong(4, model);
                    statement.execute();
                }
                out.printf("  history: %d of %d tasks%n", done + batch, copies);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE tasker_tasks");
            }
        }
    }

    /** Adds {@code copies} copies of the finished task {@code model}, then vacuums and analyses the tables. */
    static void load(DatabaseAddress database, long model, int copies, PrintStream out) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password())) {
            connection.setAutoCommit(false);
            for (int done = 0; done < copies; done += TASKS_PER_BATCH) {
                int batch = Math.min(TASKS_PER_BATCH, copies - done);
                for (Copy copy : STATEMENTS) {
                    try (PreparedStatement statement = connection.prepareStatement(copy.sql())) {
                        switch (copy.parameter()) {
                            case BATCH_SIZE -> statement.setInt(1, batch);
                            case MODEL_TASK -> statement.setLong(1, model);
                            case NONE -> { }
                        }
                        statement.execute();
                    }
                }
                connection.commit();
                out.printf("  history: %d of %d workflows%n", done + batch, copies);
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.execute("VACUUM ANALYZE " + table);
                }
            }
        }
    }
}
