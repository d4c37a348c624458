package io.tasker.examples;

import io.tasker.api.events.EventSubscriber;
import io.tasker.api.events.TaskerEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An example event subscriber: records the events named by {@code examples.event-ledger.events} (patterns such as
 * {@code step.*}, comma-separated; none by default, so it subscribes to nothing) in the
 * {@code tasker_examples_events} table, once per event id, however often an event is delivered. To show what a
 * failing subscriber changes (nothing but its own record), it throws on the events of tasks whose correlation id
 * starts with {@code examples.event-ledger.throw-for} (unset by default).
 */
@ApplicationScoped
public class EventLedger implements EventSubscriber {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String INSERT = """
            INSERT INTO tasker_examples_events (event_id, name, task_id, step_name, attempt, from_state, to_state,
                                                data, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (event_id) DO NOTHING""";

    @Inject
    @ConfigProperty(name = "examples.event-ledger.events", defaultValue = " ")
    private String wanted;

    @Inject
    @ConfigProperty(name = "examples.event-ledger.throw-for")
    private Optional<String> throwFor;

    @Inject
    private DataSource dataSource;

    @Override
    public Set<String> events() {
        return Arrays.stream(wanted.split(",")).map(String::trim).filter(pattern -> !pattern.isEmpty())
                .collect(Collectors.toSet());
    }

    @Override
    public void onEvent(TaskerEvent event) throws SQLException {
        if (throwFor.isPresent() && event.correlationId() != null
                && event.correlationId().startsWith(throwFor.get())) {
            throw new IllegalStateException("the ledger refuses the events of task " + event.taskId() + ", as "
                    + "examples.event-ledger.throw-for says");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, event.id());
            insert.setString(2, event.name());
            insert.setLong(3, event.taskId());
            insert.setString(4, event.stepName());
            insert.setObject(5, event.attempt());
            insert.setString(6, event.fromState());
            insert.setString(7, event.toState());
            insert.setString(8, JSON.toJson(event.data()));
            insert.setTimestamp(9, Timestamp.from(event.occurredAt()));
            insert.executeUpdate();
        }
    }
}
