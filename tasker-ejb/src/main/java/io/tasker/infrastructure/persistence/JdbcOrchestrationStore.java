package io.tasker.infrastructure.persistence;

import io.tasker.config.TaskerResources;
import io.tasker.json.JsonDocuments;
import io.tasker.orchestration.ClaimedStep;
import io.tasker.orchestration.ExecutionContext;
import io.tasker.orchestration.ExecutionStatus;
import io.tasker.orchestration.OrchestrationStore;
import io.tasker.orchestration.StepCompletion;
import io.tasker.orchestration.TaskSnapshot;
import io.tasker.registry.RegisteredTask;
import io.tasker.registry.TaskKey;
import io.tasker.task.TaskIdentity;
import io.tasker.task.TaskRequest;
import io.tasker.task.TaskState;
import io.tasker.template.SemanticVersion;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Calls the orchestration functions of the schema over the application's JTA data source, so each call joins the
 * caller's transaction. JSON goes over the wire as text (the data source sends strings untyped, so PostgreSQL
 * casts them to jsonb).
 */
@ApplicationScoped
public class JdbcOrchestrationStore implements OrchestrationStore {

    private static final String LOAD_TASK = """
            SELECT t.status, ns.name AS namespace, nt.name, nt.version, t.context
              FROM tasker_tasks t
              JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
              JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
             WHERE t.task_id = ?""";

    @Resource(lookup = TaskerResources.DATA_SOURCE)
    private DataSource dataSource;

    @Override
    public long createTask(RegisteredTask definition, TaskRequest request, Optional<TaskIdentity> identity) {
        return execute("SELECT tasker_create_task(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setInt(1, definition.namedTaskId());
            statement.setString(2, definition.stepPlan());
            statement.setString(3, JsonDocuments.write(request.context()));
            statement.setString(4, request.initiator());
            statement.setString(5, request.sourceSystem());
            statement.setString(6, request.reason());
            statement.setString(7, JsonDocuments.write(request.tags()));
            statement.setString(8, JsonDocuments.write(request.bypassSteps()));
            statement.setString(9, identity.map(TaskIdentity::hash).orElse(null));
            statement.setString(10, identity.map(TaskIdentity::requestDigest).orElse(null));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public void lockIdentity(String identity) {
        execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", statement -> {
            statement.setString(1, identity);
            statement.executeQuery().close();
            return null;
        });
    }

    @Override
    public Optional<TaskSnapshot> loadTask(long taskId) {
        return execute(LOAD_TASK, statement -> {
            statement.setLong(1, taskId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                TaskKey key = new TaskKey(row.getString("namespace"), row.getString("name"),
                        SemanticVersion.parse(row.getString("version")));
                return Optional.of(new TaskSnapshot(taskId, TaskState.of(row.getString("status")), key,
                        JsonDocuments.readObject(row.getString("context"))));
            }
        });
    }

    @Override
    public boolean transitionTask(long taskId, Set<TaskState> from, TaskState target, Map<String, Object> metadata) {
        return execute("SELECT tasker_transition_task(?, ?, ?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setArray(2, statement.getConnection().createArrayOf("varchar",
                    from.stream().map(TaskState::value).toArray()));
            statement.setString(3, target.value());
            statement.setString(4, JsonDocuments.write(metadata));
            return singleBoolean(statement);
        });
    }

    @Override
    public List<ClaimedStep> claimReadySteps(long taskId, String claimant, int maxSteps, Duration lease) {
        return claim("SELECT * FROM tasker_claim_ready_steps(?, ?, ?, ?)", taskId, claimant, maxSteps, lease);
    }

    private List<ClaimedStep> claim(String sql, long taskId, String claimant, int maxSteps, Duration lease) {
        return execute(sql, statement -> {
            statement.setLong(1, taskId);
            statement.setString(2, claimant);
            statement.setInt(3, maxSteps);
            statement.setBigDecimal(4, seconds(lease));
            List<ClaimedStep> claimed = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    claimed.add(claimedStep(row));
                }
            }
            return claimed;
        });
    }

    @Override
    public void renewLeases(List<ClaimedStep> running, Duration lease) {
        execute("SELECT tasker_renew_step_leases(?, ?, ?)", statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("bigint",
                    running.stream().map(ClaimedStep::stepId).toArray()));
            statement.setArray(2, connection.createArrayOf("integer",
                    running.stream().map(ClaimedStep::attempt).toArray()));
            statement.setBigDecimal(3, seconds(lease));
            statement.executeQuery().close();
            return null;
        });
    }

    @Override
    public List<ClaimedStep> startPass(long taskId, String claimant, int maxSteps, Duration lease) {
        return claim("SELECT * FROM tasker_start_pass(?, ?, ?, ?)", taskId, claimant, maxSteps, lease);
    }

    @Override
    public List<Long> expireStaleLeases(int maxSteps) {
        return execute("SELECT DISTINCT task_id FROM tasker_expire_stale_leases(?)", statement -> {
            statement.setInt(1, maxSteps);
            return taskIds(statement);
        });
    }

    @Override
    public void releaseClaims(long taskId, String claimant) {
        execute("SELECT tasker_release_claims(?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setString(2, claimant);
            statement.executeQuery().close();
            return null;
        });
    }

    @Override
    public void scheduleNextPass(long taskId, Duration delay) {
        execute("SELECT tasker_schedule_task_pass(?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setBigDecimal(2, seconds(delay));
            statement.executeQuery().close();
            return null;
        });
    }

    @Override
    public List<Long> claimForgottenTasks(Duration grace, int maxTasks) {
        return execute("SELECT task_id FROM tasker_claim_forgotten_tasks(?, ?)", statement -> {
            statement.setBigDecimal(1, seconds(grace));
            statement.setInt(2, maxTasks);
            return taskIds(statement);
        });
    }

    @Override
    public Optional<TaskState> cancelTask(long taskId, Map<String, Object> metadata) {
        return execute("SELECT tasker_cancel_task(?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setString(2, JsonDocuments.write(metadata));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return Optional.ofNullable(row.getString(1)).map(TaskState::of);
            }
        });
    }

    @Override
    public Optional<StepCompletion> completeStepAndClaim(long taskId, ClaimedStep step, String resultsJson,
                                                         String claimant, int maxSteps, Duration lease) {
        return execute("SELECT * FROM tasker_complete_step_and_claim(?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setLong(2, step.stepId());
            statement.setInt(3, step.attempt());
            statement.setString(4, resultsJson);
            statement.setString(5, claimant);
            statement.setInt(6, maxSteps);
            statement.setBigDecimal(7, seconds(lease));
            List<ClaimedStep> claimed = new ArrayList<>();
            boolean taskCompleted = false;
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    if (!row.getBoolean("completed")) {
                        return Optional.empty();
                    }
                    if (row.getObject("workflow_step_id") != null) {
                        claimed.add(claimedStep(row));
                    }
                    taskCompleted |= row.getBoolean("task_completed");
                }
            }
            return Optional.of(new StepCompletion(claimed, taskCompleted));
        });
    }

    @Override
    public boolean failStep(long stepId, int attempt, Map<String, Object> errorDetails, boolean permanent,
                            BigDecimal backoffSeconds, boolean counted) {
        return execute("SELECT tasker_fail_step(?, ?, ?, ?, ?, ?)", statement -> {
            statement.setLong(1, stepId);
            statement.setInt(2, attempt);
            statement.setString(3, JsonDocuments.write(errorDetails));
            statement.setBoolean(4, permanent);
            statement.setBigDecimal(5, backoffSeconds);
            statement.setBoolean(6, counted);
            return singleBoolean(statement);
        });
    }

    @Override
    public Optional<ExecutionContext> executionContext(long taskId) {
        return execute("SELECT * FROM get_task_execution_context(?)", statement -> {
            statement.setLong(1, taskId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp nextRetryAt = row.getTimestamp("next_retry_at");
                Timestamp leaseExpiry = row.getTimestamp("earliest_lease_expiry");
                return Optional.of(new ExecutionContext(
                        taskId,
                        TaskState.of(row.getString("status")),
                        row.getInt("total_steps"),
                        row.getInt("completed_steps"),
                        row.getInt("failed_steps"),
                        row.getInt("ready_steps"),
                        row.getInt("permanently_blocked_steps"),
                        ExecutionStatus.of(row.getString("execution_status")),
                        nextRetryAt == null ? null : nextRetryAt.toInstant(),
                        leaseExpiry == null ? null : leaseExpiry.toInstant()));
            }
        });
    }

    private static ClaimedStep claimedStep(ResultSet row) throws SQLException {
        return new ClaimedStep(row.getLong("workflow_step_id"), row.getString("name"), row.getInt("attempt"),
                parentResults(row.getString("parent_results")));
    }

    private static Map<String, Map<String, Object>> parentResults(String json) {
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        JsonDocuments.readObject(json).forEach((name, value) -> results.put(name, asObject(value)));
        return Map.copyOf(results);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<Long> taskIds(PreparedStatement statement) throws SQLException {
        List<Long> taskIds = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                taskIds.add(row.getLong(1));
            }
        }
        return taskIds;
    }

    private static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3);
    }

    private static boolean singleBoolean(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private <T> T execute(String sql, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("orchestration query failed: " + sql.lines().findFirst().orElse(sql)
                    + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
