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
 * transitions, with new ids from Tasker's sequences), to show that history does not slow the engine down.
 */
final class HistoryLoader {

    private static final int TASKS_PER_BATCH = 5_000;

    /** What a statement's one parameter is, if it has one. */
    private enum Parameter { NONE, BATCH_SIZE, MODEL_TASK }

    private record Copy(Parameter parameter, String sql) {
    }

    private static final Copy[] STATEMENTS = {
        new Copy(Parameter.BATCH_SIZE, """
        CREATE TEMP TABLE history_tasks ON COMMIT DROP AS
        SELECT nextval('tasker_tasks_seq') AS task_id FROM generate_series(1, ?)"""),
        new Copy(Parameter.MODEL_TASK, """
        INSERT INTO tasker_tasks (task_id, named_task_id, status, complete, requested_at, completed_at, bypass_steps,
                                  tags, context, next_pass_at, created_at, updated_at)
        SELECT h.task_id, t.named_task_id, t.status, t.complete, t.requested_at, t.completed_at, t.bypass_steps,
               t.tags, t.context, t.next_pass_at, t.created_at, t.updated_at
          FROM history_tasks h CROSS JOIN tasker_tasks t
         WHERE t.task_id = ?"""),
        new Copy(Parameter.MODEL_TASK, """
        CREATE TEMP TABLE history_steps ON COMMIT DROP AS
        SELECT h.task_id, s.workflow_step_id AS original_id, nextval('tasker_workflow_steps_seq') AS step_id
          FROM history_tasks h CROSS JOIN tasker_workflow_steps s
         WHERE s.task_id = ?"""),
        new Copy(Parameter.NONE, """
        INSERT INTO tasker_workflow_steps (workflow_step_id, task_id, named_step_id, name, status, retryable,
                                           retry_limit, skippable, in_process, processed, processed_at, attempts,
                                           last_attempted_at, results, created_at, updated_at)
        SELECT c.step_id, c.task_id, s.named_step_id, s.name, s.status, s.retryable, s.retry_limit, s.skippable,
               s.in_process, s.processed, s.processed_at, s.attempts, s.last_attempted_at, s.results, s.created_at,
               s.updated_at
          FROM history_steps c JOIN tasker_workflow_steps s ON s.workflow_step_id = c.original_id"""),
        new Copy(Parameter.NONE, """
        INSERT INTO tasker_workflow_step_edges (id, from_step_id, to_step_id, name, created_at, updated_at)
        SELECT nextval('tasker_workflow_step_edges_seq'), f.step_id, t.step_id, e.name, e.created_at, e.updated_at
          FROM tasker_workflow_step_edges e
          JOIN history_steps f ON f.original_id = e.from_step_id
          JOIN history_steps t ON t.original_id = e.to_step_id AND t.task_id = f.task_id"""),
        new Copy(Parameter.NONE, """
        INSERT INTO tasker_workflow_step_transitions (workflow_step_id, from_state, to_state, metadata, sort_key,
                                                      most_recent, created_at)
        SELECT c.step_id, r.from_state, r.to_state, r.metadata, r.sort_key, r.most_recent, r.created_at
          FROM history_steps c JOIN tasker_workflow_step_transitions r ON r.workflow_step_id = c.original_id"""),
        new Copy(Parameter.MODEL_TASK, """
        INSERT INTO tasker_task_transitions (task_id, from_state, to_state, metadata, sort_key, most_recent,
                                             created_at)
        SELECT h.task_id, r.from_state, r.to_state, r.metadata, r.sort_key, r.most_recent, r.created_at
          FROM history_tasks h CROSS JOIN tasker_task_transitions r
         WHERE r.task_id = ?""")
    };
    private static final String[] TABLES = {"tasker_tasks", "tasker_workflow_steps", "tasker_workflow_step_edges",
        "tasker_workflow_step_transitions", "tasker_task_transitions"};

    private HistoryLoader() {
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
