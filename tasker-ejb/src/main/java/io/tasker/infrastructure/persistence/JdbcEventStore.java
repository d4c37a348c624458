package io.tasker.infrastructure.persistence;

import io.tasker.events.EventStore;
import io.tasker.events.TransitionRecord;
import io.tasker.json.JsonDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The event stream through {@code tasker_register_event_cursor}, {@code tasker_lease_event_cursor},
 * {@code tasker_event_transitions} and {@code tasker_advance_event_cursor}.
 */
@ApplicationScoped
public class JdbcEventStore implements EventStore {

    @Inject
    private SqlCalls sql;

    @Override
    public void registerCursor(String name) {
        sql.call("SELECT tasker_register_event_cursor(?)", statement -> {
            statement.setString(1, name);
            return SqlCalls.run(statement);
        });
    }

    @Override
    public OptionalLong leaseCursor(String name, String node, Duration lease) {
        return sql.call("SELECT tasker_lease_event_cursor(?, ?, ?)", statement -> {
            statement.setString(1, name);
            statement.setString(2, node);
            statement.setBigDecimal(3, SqlCalls.seconds(lease));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long position = row.getLong(1);
                return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(position);
            }
        });
    }

    @Override
    public List<TransitionRecord> transitionsAfter(long transactionId, int maxTransactions) {
        return sql.call("SELECT * FROM tasker_event_transitions(?, ?)", statement -> {
            statement.setLong(1, transactionId);
            statement.setInt(2, maxTransactions);
            List<TransitionRecord> transitions = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    boolean step = row.getBoolean("is_step");
                    transitions.add(new TransitionRecord(row.getLong("xact_id"), step, row.getLong("transition_id"),
                            row.getString("from_state"), row.getString("to_state"),
                            JsonDocuments.readObject(row.getString("metadata")),
                            row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getInt("sort_key"),
                            row.getLong("task_id"), row.getString("namespace"), row.getString("task_name"),
                            row.getString("task_version"), row.getString("correlation_id"),
                            step ? row.getLong("step_id") : null, row.getString("step_name"),
                            row.getInt("retry_limit")));
                }
            }
            return transitions;
        });
    }

    @Override
    public boolean advanceCursor(String name, String node, long transactionId) {
        return sql.call("SELECT tasker_advance_event_cursor(?, ?, ?)", statement -> {
            statement.setString(1, name);
            statement.setString(2, node);
            statement.setLong(3, transactionId);
            return SqlCalls.singleBoolean(statement);
        });
    }
}
