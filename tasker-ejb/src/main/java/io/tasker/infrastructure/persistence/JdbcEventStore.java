package io.tasker.infrastructure.persistence;

import io.tasker.events.CustomEventStore;
import io.tasker.events.EventStore;
import io.tasker.events.PublishedEvent;
import io.tasker.events.StreamEntry;
import io.tasker.events.TransitionRecord;
import io.tasker.json.JsonDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The event stream through {@code tasker_register_event_cursor}, {@code tasker_lease_event_cursor},
 * {@code tasker_event_stream} and {@code tasker_advance_event_cursor}; custom events through
 * {@code tasker_record_custom_event}.
 */
@ApplicationScoped
public class JdbcEventStore implements EventStore, CustomEventStore {

    private static final int STEP_TRANSITION = 1;
    private static final int CUSTOM_EVENT = 2;

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
    public List<StreamEntry> entriesAfter(long transactionId, int maxTransactions) {
        return sql.call("SELECT * FROM tasker_event_stream(?, ?)", statement -> {
            statement.setLong(1, transactionId);
            statement.setInt(2, maxTransactions);
            List<StreamEntry> entries = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    entries.add(entry(row));
                }
            }
            return entries;
        });
    }

    @Override
    public void record(long taskId, long stepId, int attempt, String event, String payloadJson) {
        sql.call("SELECT tasker_record_custom_event(?, ?, ?, ?, ?)", statement -> {
            statement.setLong(1, taskId);
            statement.setLong(2, stepId);
            statement.setInt(3, attempt);
            statement.setString(4, event);
            statement.setString(5, payloadJson);
            return SqlCalls.run(statement);
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

    // A row of tasker_event_stream: kind 0 a task's transition, 1 a step's, 2 a custom event.
    private static StreamEntry entry(ResultSet row) throws SQLException {
        int kind = row.getInt("kind");
        Map<String, Object> metadata = JsonDocuments.readObject(row.getString("metadata"));
        Instant occurredAt = row.getObject("occurred_at", OffsetDateTime.class).toInstant();
        if (kind == CUSTOM_EVENT) {
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = (Map<String, Object>) metadata.get("payload");
            return new PublishedEvent(row.getLong("xact_id"), row.getLong("entry_id"), row.getString("event_name"),
                    payload, occurredAt, row.getLong("task_id"), row.getString("namespace"),
                    row.getString("task_name"), row.getString("task_version"), row.getString("correlation_id"),
                    row.getLong("step_id"), row.getString("step_name"),
                    ((Number) metadata.get("attempt")).intValue());
        }
        boolean step = kind == STEP_TRANSITION;
        return new TransitionRecord(row.getLong("xact_id"), step, row.getLong("entry_id"),
                row.getString("from_state"), row.getString("to_state"), metadata, occurredAt,
                row.getInt("sort_key"), row.getLong("task_id"), row.getString("namespace"), row.getString("task_name"),
                row.getString("task_version"), row.getString("correlation_id"), step ? row.getLong("step_id") : null,
                row.getString("step_name"), row.getInt("retry_limit"));
    }
}
