package io.tasker.infrastructure.persistence;

import io.tasker.json.JsonDocuments;
import io.tasker.registry.RegisteredTask;
import io.tasker.task.TaskAnnotation;
import io.tasker.task.TaskIdentity;
import io.tasker.task.TaskOrigin;
import io.tasker.task.TaskRequest;
import io.tasker.task.TaskState;
import io.tasker.task.TaskStore;
import io.tasker.template.SemanticVersion;
import io.tasker.template.TaskKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Task creation, cancellation, annotation and operators' actions through the schema's functions
 * ({@code tasker_create_task}, {@code tasker_cancel_task}, {@code tasker_annotate_task}, {@code tasker_retry_steps},
 * {@code tasker_resolve_step}).
 */
@ApplicationScoped
public class JdbcTaskStore implements TaskStore {

    @Inject
    private SqlCalls sql;

    @Override
    public CreationResult createTask(RegisteredTask definition, TaskRequest request, String contextJson,
                                     Optional<TaskIdentity> identity) {
        return sql.call("SELECT * FROM tasker_create_task(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setInt(1, definition.namedTaskId());
            statement.setString(2, definition.stepPlan());
            statement.setString(3, contextJson);
            statement.setString(4, request.initiator());
            statement.setString(5, request.sourceSystem());
            statement.setString(6, request.reason());
            statement.setString(7, JsonDocuments.write(request.tags()));
            statement.setString(8, JsonDocuments.write(request.bypassSteps()));
            statement.setString(9, identity.map(TaskIdentity::hash).orElse(null));
            statement.setString(10, identity.map(TaskIdentity::requestDigest).orElse(null));
            statement.setString(11, request.correlationId());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new CreationResult(row.getLong("task_id"), row.getBoolean("created"),
                        row.getBoolean("request_matches"));
            }
        });
    }

    @Override
    public Optional<TaskState> cancelTask(long taskId, Map<String, Object> metadata) {
        return sql.call("SELECT tasker_cancel_task(?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setString(2, JsonDocuments.write(metadata));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return Optional.ofNullable(row.getString(1)).map(TaskState::of);
            }
        });
    }

    @Override
    public Optional<TaskOrigin> origin(long taskId) {
        return sql.call("SELECT ns.name AS namespace, nt.name, nt.version, t.created_at, t.correlation_id"
                + " FROM tasker_tasks t"
                + " JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id"
                + " JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id"
                + " WHERE t.task_id = ?", statement -> {
                    statement.setLong(1, taskId);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? Optional.of(new TaskOrigin(new TaskKey(row.getString("namespace"),
                                row.getString("name"), SemanticVersion.parse(row.getString("version"))),
                                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                                row.getString("correlation_id"))) : Optional.empty();
                    }
                });
    }

    @Override
    public Optional<String> stepName(long taskId, long stepId) {
        return sql.call("SELECT name FROM tasker_workflow_steps WHERE workflow_step_id = ? AND task_id = ?",
                statement -> {
                    statement.setLong(1, stepId);
                    statement.setLong(2, taskId);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                    }
                });
    }

    @Override
    public boolean annotateTask(long taskId, TaskAnnotation annotation) {
        return sql.call("SELECT tasker_annotate_task(?, ?, ?, ?::jsonb)", statement -> {
            statement.setLong(1, taskId);
            statement.setBoolean(2, annotation.setsReason());
            statement.setString(3, annotation.reason());
            statement.setString(4, annotation.tags().map(JsonDocuments::write).orElse(null));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        });
    }

    @Override
    public String retrySteps(long taskId, Long stepId, Optional<String> inputsJson, Map<String, Object> metadata) {
        return sql.call("SELECT tasker_retry_steps(?, ?, ?::jsonb, ?::jsonb)", statement -> {
            statement.setLong(1, taskId);
            statement.setObject(2, stepId, Types.BIGINT);
            statement.setString(3, inputsJson.orElse(null));
            statement.setString(4, JsonDocuments.write(metadata));
            return outcome(statement);
        });
    }

    @Override
    public String cancelStep(long taskId, long stepId, Map<String, Object> metadata) {
        return sql.call("SELECT tasker_cancel_step(?, ?, ?::jsonb)", statement -> {
            statement.setLong(1, taskId);
            statement.setLong(2, stepId);
            statement.setString(3, JsonDocuments.write(metadata));
            return outcome(statement);
        });
    }

    @Override
    public String resolveStep(long taskId, long stepId, String resultsJson, Map<String, Object> metadata) {
        return sql.call("SELECT tasker_resolve_step(?, ?, ?::jsonb, ?::jsonb)", statement -> {
            statement.setLong(1, taskId);
            statement.setLong(2, stepId);
            statement.setString(3, resultsJson);
            statement.setString(4, JsonDocuments.write(metadata));
            return outcome(statement);
        });
    }

    private static String outcome(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
