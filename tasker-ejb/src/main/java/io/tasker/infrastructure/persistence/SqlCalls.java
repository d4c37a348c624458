package io.tasker.infrastructure.persistence;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Calls into the schema's functions over the application's JTA data source, so each call joins the caller's
 * transaction. JSON goes over the wire as text (the data source sends strings untyped, so PostgreSQL casts them to
 * jsonb), durations as seconds with millisecond precision. A failed call names its statement.
 */
@Dependent
class SqlCalls {

    @Inject
    @EngineDatabase
    private DataSource dataSource;

    /** What a call does with its prepared statement. */
    @FunctionalInterface
    interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    <T> T call(String sql, Work<T> work) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("call into the schema failed: " + sql.lines().findFirst().orElse(sql)
                    + ": " + e.getMessage(), e);
        }
    }

    static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3);
    }

    /** The first column of the one row the statement returns. */
    static boolean singleBoolean(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** The first column of every row the statement returns. */
    static List<Long> ids(PreparedStatement statement) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                ids.add(row.getLong(1));
            }
        }
        return ids;
    }

    /** Runs a statement whose result does not matter. */
    static Void run(PreparedStatement statement) throws SQLException {
        statement.executeQuery().close();
        return null;
    }
}
