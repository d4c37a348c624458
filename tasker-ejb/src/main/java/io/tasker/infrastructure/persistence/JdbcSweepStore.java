package io.tasker.infrastructure.persistence;

import io.tasker.orchestration.recovery.ExpiredClaim;
import io.tasker.orchestration.recovery.SweepStore;
import io.tasker.template.SemanticVersion;
import io.tasker.template.TaskKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The sweep's calls: {@code tasker_expire_stale_leases} and {@code tasker_claim_forgotten_tasks}. */
@ApplicationScoped
public class JdbcSweepStore implements SweepStore {

    @Inject
    private SqlCalls sql;

    @Override
    public List<ExpiredClaim> expireStaleLeases(int maxSteps) {
        return sql.call("SELECT * FROM tasker_expire_stale_leases(?)", statement -> {
            statement.setInt(1, maxSteps);
            List<ExpiredClaim> expired = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    expired.add(new ExpiredClaim(row.getLong("task_id"), new TaskKey(row.getString("namespace"),
                            row.getString("task_name"), SemanticVersion.parse(row.getString("task_version"))),
                            row.getString("step_name")));
                }
            }
            return expired;
        });
    }

    @Override
    public List<Long> claimForgottenTasks(Duration grace, int maxTasks) {
        return sql.call("SELECT task_id FROM tasker_claim_forgotten_tasks(?, ?)", statement -> {
            statement.setBigDecimal(1, SqlCalls.seconds(grace));
            statement.setInt(2, maxTasks);
            return SqlCalls.ids(statement);
        });
    }
}
