package io.tasker.examples;

import io.tasker.api.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The ledger in the {@code tasker_examples_ledger} table, written through the application's JTA data source. */
@ApplicationScoped
public class JdbcExecutionLedger implements ExecutionLedger {

    private static final String INSERT = """
            INSERT INTO tasker_examples_ledger (task_id, step_name, attempt, outcome) VALUES (?, ?, ?, ?)""";

    @Inject
    private DataSource dataSource;

    @Override
    @Transactional(TxType.MANDATORY)
    public void recordSuccess(StepContext step) {
        insert(step, "success");
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void recordFailure(StepContext step) {
        insert(step, "failure");
    }

    private void insert(StepContext step, String outcome) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, step.taskId());
            insert.setString(2, step.stepName());
            insert.setInt(3, step.attempt());
            insert.setString(4, outcome);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the attempt in the ledger: " + e.getMessage(), e);
        }
    }
}
