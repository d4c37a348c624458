package io.tasker.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/** Whether PostgreSQL answers with the schema migrated (the readiness function exists). */
@ApplicationScoped
public class DatabaseProbe {

    private static final String PROBE = "SELECT to_regproc('get_step_readiness_status') IS NOT NULL";

    @Inject
    @EngineDatabase
    private DataSource dataSource;

    /** Empty when the database answered and is migrated, else what is wrong. */
    public Optional<String> problem() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(PROBE)) {
            row.next();
            return row.getBoolean(1) ? Optional.empty() : Optional.of("the schema is not migrated");
        } catch (SQLException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
