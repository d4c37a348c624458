package io.tasker.infrastructure.persistence;

import io.tasker.json.JsonDocuments;
import io.tasker.orchestration.claim.ClaimStore;
import io.tasker.orchestration.claim.PassStart;
import io.tasker.orchestration.claim.StepClaim;
import io.tasker.orchestration.claim.TaskSnapshot;
import io.tasker.task.TaskState;
import io.tasker.template.SemanticVersion;
import io.tasker.template.TaskKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claims through {@code tasker_start_pass}, {@code tasker_claim_ready_steps}, {@code tasker_renew_step_leases} and
 * {@code tasker_release_claims}.
 */
@ApplicationScoped
public class JdbcClaimStore implements ClaimStore {

    @Inject
    private SqlCalls sql;

    @Override
    public Optional<PassStart> startPass(long taskId, String claimant, int maxSteps, Duration lease) {
        return sql.call("SELECT * FROM tasker_start_pass(?, ?, ?, ?)", statement -> {
            bindClaim(statement, taskId, claimant, maxSteps, lease);
            TaskSnapshot task = null;
            List<String> expiredSteps = List.of();
            List<StepClaim> claims = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    if (task == null) {
                        task = new TaskSnapshot(taskId, TaskState.of(row.getString("task_status")),
                                new TaskKey(row.getString("namespace"), row.getString("task_name"),
                                        SemanticVersion.parse(row.getString("task_version"))),
                                JsonDocuments.readObject(row.getString("task_context")),
                                row.getObject("task_created_at", OffsetDateTime.class).toInstant(),
                                row.getString("task_correlation_id"));
                        Array expired = row.getArray("expired_steps");
                        expiredSteps = expired == null ? List.of() : List.of((String[]) expired.getArray());
                    }
                    if (row.getObject("workflow_step_id") != null) {
                        claims.add(claim(row, claimant));
                    }
                }
            }
            return task == null ? Optional.<PassStart>empty() : Optional.of(new PassStart(task, claims, expiredSteps));
        });
    }

    @Override
    public List<StepClaim> claimReadySteps(long taskId, String claimant, int maxSteps, Duration lease) {
        return sql.call("SELECT * FROM tasker_claim_ready_steps(?, ?, ?, ?)", statement -> {
            bindClaim(statement, taskId, claimant, maxSteps, lease);
            List<StepClaim> claims = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    claims.add(claim(row, claimant));
                }
            }
            return claims;
        });
    }

    @Override
    public void renewLeases(String claimant, List<StepClaim> running, Duration lease) {
        sql.call("SELECT tasker_renew_step_leases(?, ?, ?, ?)", statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("bigint",
                    running.stream().map(StepClaim::stepId).toArray()));
            statement.setArray(2, connection.createArrayOf("integer",
                    running.stream().map(StepClaim::attempt).toArray()));
            statement.setString(3, claimant);
            statement.setBigDecimal(4, SqlCalls.seconds(lease));
            return SqlCalls.run(statement);
        });
    }

    @Override
    public void releaseClaims(long taskId, String claimant) {
        sql.call("SELECT tasker_release_claims(?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setString(2, claimant);
            return SqlCalls.run(statement);
        });
    }

    // The parameters the claiming functions share: the task, who claims, how many steps at most, for how long.
    private static void bindClaim(PreparedStatement statement, long taskId, String claimant, int maxSteps,
                                  Duration lease) throws SQLException {
        statement.setLong(1, taskId);
        statement.setString(2, claimant);
        statement.setInt(3, maxSteps);
        statement.setBigDecimal(4, SqlCalls.seconds(lease));
    }

    /** A claimed step in a row of a claiming function: workflow_step_id, name, attempt, inputs, parent_results. */
    static StepClaim claim(ResultSet row, String claimant) throws SQLException {
        Map<String, Map<String, Object>> parentResults = new LinkedHashMap<>();
        JsonDocuments.readObject(row.getString("parent_results"))
                .forEach((name, results) -> parentResults.put(name, asObject(results)));
        return new StepClaim(row.getLong("workflow_step_id"), row.getString("name"), row.getInt("attempt"),
                claimant, Collections.unmodifiableMap(JsonDocuments.readObject(row.getString("inputs"))),
                Map.copyOf(parentResults));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
