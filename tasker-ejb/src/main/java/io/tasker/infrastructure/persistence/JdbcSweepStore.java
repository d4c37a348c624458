package io.tasker.infrastructure.persistence;

import io.tasker.orchestration.recovery.SweepStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/** The sweep's calls: {@code tasker_expire_stale_leases} and {@code tasker_claim_forgotten_tasks}. */
@ApplicationScoped
public class JdbcSweepStore implements SweepStore {

    @Inject
    private SqlCalls sql;

    @Override
    public List<Long> expireStaleLeases(int maxSteps) {
        return sql.call("SELECT task_id FROM tasker_expire_stale_leases(?)", statement -> {
            statement.setInt(1, maxSteps);
            return SqlCalls.ids(statement);
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
