package io.tasker.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit history of a step straight from PostgreSQL, for assertions the API does not expose. */
final class Database {

    /** One transition of a step. */
    record Transition(String fromState, String toState, Instant at, String metadata) {

        @Override
        public String toString() {
            return fromState + "->" + toState + "@" + at + metadata;
        }
    }

    private Database() {
    }

    static List<Transition> stepTransitions(LauncherSettings.DatabaseAddress db, long taskId, String stepName)
            throws SQLException {
        String sql = """
                SELECT t.from_state, t.to_state, t.created_at, t.metadata
                  FROM tasker_workflow_step_transitions t
                  JOIN tasker_workflow_steps s ON s.workflow_step_id = t.workflow_step_id
                 WHERE s.task_id = ? AND s.name = ?
                 ORDER BY t.sort_key""";
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, taskId);
            statement.setString(2, stepName);
            List<Transition> transitions = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    transitions.add(new Transition(row.getString(1), row.getString(2),
                            row.getTimestamp(3).toInstant(), row.getString(4)));
                }
            }
            return transitions;
        }
    }

    /** How many steps are {@code in_progress} under a claim of the given node. */
    static int stepsInProgressOn(LauncherSettings.DatabaseAddress db, String node) throws SQLException {
        return count(db, """
                SELECT count(*) FROM tasker_workflow_steps
                 WHERE status = 'in_progress' AND split_part(claimed_by, '#', 1) = ?""", node);
    }

    /** How many step transitions the given tasks have. */
    static int stepTransitionsOf(LauncherSettings.DatabaseAddress db, List<Long> taskIds) throws SQLException {
        return stepTransitionsOf(db, taskIds, "%", "%");
    }

    /**
     * How many step transitions of the given tasks lead to {@code toState} under a claim of the given node: claims
     * ({@code in_progress}), releases ({@code pending}), expiries ({@code error}).
     */
    static int stepTransitionsOf(LauncherSettings.DatabaseAddress db, List<Long> taskIds, String node,
            String toState) throws SQLException {
        return count(db, """
                SELECT count(*) FROM tasker_workflow_step_transitions t
                  JOIN tasker_workflow_steps s ON s.workflow_step_id = t.workflow_step_id
                 WHERE s.task_id = ANY (?) AND t.to_state LIKE ?
                   AND coalesce(split_part(t.metadata ->> 'claimed_by', '#', 1), '') LIKE ?""", taskIds, toState, node);
    }

    /** How many attempts of the tasks' steps ended recorded: moves from in_progress to complete or error. */
    static int stepAttemptEndsOf(LauncherSettings.DatabaseAddress db, List<Long> taskIds) throws SQLException {
        return count(db, """
                SELECT count(*) FROM tasker_workflow_step_transitions t
                  JOIN tasker_workflow_steps s ON s.workflow_step_id = t.workflow_step_id
                 WHERE s.task_id = ANY (?) AND t.from_state = 'in_progress' AND t.to_state IN ('complete', 'error')""",
                taskIds);
    }

    /** How many tasks are in the state. */
    static int tasksIn(LauncherSettings.DatabaseAddress db, String state) throws SQLException {
        return count(db, "SELECT count(*) FROM tasker_tasks WHERE status = ?", state);
    }

    /** How many active tasks have a pass due within the next ten minutes: tasks that may still change state soon. */
    static int tasksDueSoon(LauncherSettings.DatabaseAddress db) throws SQLException {
        return count(db, """
                SELECT count(*) FROM tasker_tasks
                 WHERE status IN ('pending', 'in_progress') AND next_pass_at < now() + interval '10 minutes'""");
    }

    // A list parameter is a bigint array.
    private static int count(LauncherSettings.DatabaseAddress db, String sql, Object... parameters)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof List<?> ids
                        ? connection.createArrayOf("bigint", ids.toArray()) : parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
