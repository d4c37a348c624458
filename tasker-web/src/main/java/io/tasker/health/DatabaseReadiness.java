package io.tasker.health;

import io.tasker.config.TaskerResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers and the schema is migrated (the readiness function exists). */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final String PROBE = "SELECT to_regproc('get_step_readiness_status') IS NOT NULL";

    @Resource(lookup = TaskerResources.DATA_SOURCE)
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(PROBE)) {
            row.next();
            boolean migrated = row.getBoolean(1);
            return HealthCheckResponse.named("database")
                    .status(migrated)
                    .withData("schema_migrated", migrated)
                    .withData("response_time_ms", (System.nanoTime() - started) / 1_000_000)
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
        }
    }
}
