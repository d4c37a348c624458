package io.tasker.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the example handlers' execution ledger for one step of one task. */
final class Ledger {

    private Ledger() {
    }

    static int successes(LauncherSettings.DatabaseAddress db, long taskId, String step) throws SQLException {
        return count(db, taskId, step, "success");
    }

    static int failures(LauncherSettings.DatabaseAddress db, long taskId, String step) throws SQLException {
        return count(db, taskId, step, "failure");
    }

    private static int count(LauncherSettings.DatabaseAddress db, long taskId, String step, String outcome)
            throws SQLException {
        String sql = "SELECT count(*) FROM tasker_examples_ledger WHERE task_id = ? AND step_name = ? AND outcome = ?";
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, taskId);
            statement.setString(2, step);
            statement.setString(3, outcome);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
