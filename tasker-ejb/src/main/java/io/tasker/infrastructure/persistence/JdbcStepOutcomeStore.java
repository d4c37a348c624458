package io.tasker.infrastructure.persistence;

import io.tasker.json.JsonDocuments;
import io.tasker.orchestration.claim.StepClaim;
import io.tasker.orchestration.execution.CompletionStore;
import io.tasker.orchestration.execution.StepCompletion;
import io.tasker.retry.FailureStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How attempts end, through {@code tasker_complete_step_and_claim} and {@code tasker_fail_step}. */
@ApplicationScoped
public class JdbcStepOutcomeStore implements CompletionStore, FailureStore {

    @Inject
    private SqlCalls sql;

    @Override
    public Optional<StepCompletion> completeStepAndClaim(long taskId, StepClaim step, String resultsJson,
                                                         int maxSteps, Duration lease) {
        return sql.call("SELECT * FROM tasker_complete_step_and_claim(?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setLong(2, step.stepId());
            statement.setInt(3, step.attempt());
            statement.setString(4, resultsJson);
            statement.setString(5, step.claimant());
            statement.setInt(6, maxSteps);
            statement.setBigDecimal(7, SqlCalls.seconds(lease));
            List<StepClaim> claimed = new ArrayList<>();
            boolean taskCompleted = false;
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    if (!row.getBoolean("completed")) {
                        return Optional.empty();
                    }
                    if (row.getObject("workflow_step_id") != null) {
                        claimed.add(JdbcClaimStore.claim(row, step.claimant()));
                    }
                    taskCompleted |= row.getBoolean("task_completed");
                }
            }
            return Optional.of(new StepCompletion(claimed, taskCompleted));
        });
    }

    @Override
    public boolean failStep(StepClaim step, Map<String, Object> errorDetails, boolean permanent,
                            BigDecimal backoffSeconds, boolean counted) {
        return sql.call("SELECT tasker_fail_step(?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setLong(1, step.stepId());
            statement.setInt(2, step.attempt());
            statement.setString(3, step.claimant());
            statement.setString(4, JsonDocuments.write(errorDetails));
            statement.setBoolean(5, permanent);
            statement.setBigDecimal(6, backoffSeconds);
            statement.setBoolean(7, counted);
            return SqlCalls.singleBoolean(statement);
        });
    }
}
