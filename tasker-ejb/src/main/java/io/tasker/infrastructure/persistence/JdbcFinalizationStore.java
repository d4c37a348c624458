package io.tasker.infrastructure.persistence;

import io.tasker.json.JsonDocuments;
import io.tasker.orchestration.finalization.ExecutionContext;
import io.tasker.orchestration.finalization.ExecutionStatus;
import io.tasker.orchestration.finalization.FinalizationStore;
import io.tasker.task.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The finalizer's calls: {@code get_task_execution_context}, {@code tasker_finish_task},
 * {@code tasker_reenqueue_task} and {@code tasker_transition_task}.
 */
@ApplicationScoped
public class JdbcFinalizationStore implements FinalizationStore {

    @Inject
    private SqlCalls sql;

    @Override
    public Optional<ExecutionContext> executionContext(long taskId) {
        return sql.call("SELECT * FROM get_task_execution_context(?)", statement -> {
            statement.setLong(1, taskId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ExecutionContext(TaskState.of(row.getString("status")),
                        ExecutionStatus.of(row.getString("execution_status")),
                        instant(row.getTimestamp("next_retry_at")),
                        instant(row.getTimestamp("earliest_lease_expiry"))));
            }
        });
    }

    @Override
    public boolean finishTask(long taskId, TaskState outcome, Map<String, Object> metadata) {
        return sql.call("SELECT tasker_finish_task(?, ?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setString(2, outcome.value());
            statement.setString(3, JsonDocuments.write(metadata));
            return SqlCalls.singleBoolean(statement);
        });
    }

    @Override
    public void reenqueueTask(long taskId, Duration delay, Map<String, Object> metadata) {
        sql.call("SELECT tasker_reenqueue_task(?, ?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setBigDecimal(2, SqlCalls.seconds(delay));
            statement.setString(3, JsonDocuments.write(metadata));
            return SqlCalls.run(statement);
        });
    }

    @Override
    public void suspendTask(long taskId, Map<String, Object> metadata) {
        sql.call("SELECT tasker_transition_task(?, ARRAY['in_progress']::varchar[], 'pending', ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setString(2, JsonDocuments.write(metadata));
            return SqlCalls.run(statement);
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
