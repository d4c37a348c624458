package io.tasker.infrastructure.persistence;

import io.tasker.registry.DefinitionStore;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Records a template's definitions in their tables (namespace, named task, dependent systems, named steps), in the
 * caller's transaction. Safe when several nodes boot at once: each row is an upsert on its natural key.
 */
@ApplicationScoped
public class JdbcDefinitionStore implements DefinitionStore {

    private static final String NAMESPACE = """
            INSERT INTO tasker_task_namespaces (name) VALUES (?)
            ON CONFLICT (name) DO UPDATE SET updated_at = tasker_task_namespaces.updated_at
            RETURNING task_namespace_id""";
    private static final String NAMED_TASK = """
            INSERT INTO tasker_named_tasks (task_namespace_id, name, version, description) VALUES (?, ?, ?, ?)
            ON CONFLICT ON CONSTRAINT named_tasks_namespace_name_version_unique
            DO UPDATE SET description = EXCLUDED.description, updated_at = now()
            RETURNING named_task_id""";
    private static final String DEPENDENT_SYSTEM = """
            INSERT INTO tasker_dependent_systems (name) VALUES (?)
            ON CONFLICT (name) DO UPDATE SET updated_at = tasker_dependent_systems.updated_at
            RETURNING dependent_system_id""";
    private static final String NAMED_STEP = """
            INSERT INTO tasker_named_steps (dependent_system_id, name, description) VALUES (?, ?, ?)
            ON CONFLICT ON CONSTRAINT named_step_by_system_uniq
            DO UPDATE SET description = EXCLUDED.description, updated_at = now()
            RETURNING named_step_id""";

    @Inject
    @EngineDatabase
    private DataSource dataSource;

    @Override
    public DefinitionIds record(TaskTemplate template) {
        try (Connection connection = dataSource.getConnection()) {
            int namespaceId = upsert(connection, NAMESPACE, template.namespace());
            int namedTaskId = upsert(connection, NAMED_TASK, namespaceId, template.name(),
                    template.version().toString(), template.description());
            Map<String, Integer> namedStepIds = new HashMap<>();
            for (StepTemplate step : template.steps()) {
                int systemId = upsert(connection, DEPENDENT_SYSTEM, step.dependentSystem());
                namedStepIds.put(step.name(),
                        upsert(connection, NAMED_STEP, systemId, step.name(), step.description()));
            }
            return new DefinitionIds(namedTaskId, namedStepIds);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the definitions of " + template.fullName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static int upsert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
