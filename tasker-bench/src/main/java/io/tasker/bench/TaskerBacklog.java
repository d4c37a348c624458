package io.tasker.bench;

import io.tasker.launcher.LauncherSettings.BrokerAddress;
import io.tasker.launcher.LauncherSettings.DatabaseAddress;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Tasker's backlog: the W1 requests go to the JMS intake queue ({@code tasker.task-requests}, docs/api.md) in
 * transactions of {@value #BATCH} from one client, so the broker holds what the server has not taken yet; a request
 * is accepted when its transaction commits. The times are read from the embedded database afterwards: the tasks
 * by the correlation ids the requests carried, each step's start from its claim (its transition to
 * {@code in_progress}) and its end from {@code processed_at}.
 */
final class TaskerBacklog implements BacklogDriver {

    private static final String INTAKE_QUEUE = "tasker.task-requests";
    private static final int BATCH = 200;
    private static final Duration POLL = Duration.ofMillis(200);

    private final BrokerAddress broker;
    private final DatabaseAddress database;
    private final Optional<String> token;
    private final Duration timeout;

    /** @param token the token each request carries (its authorization property), when the server needs one */
    TaskerBacklog(BrokerAddress broker, DatabaseAddress database, Optional<String> token, Duration timeout) {
        this.broker = broker;
        this.database = database;
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public String system() {
        return WorkloadRunner.SYSTEM;
    }

    @Override
    public BacklogMeasurement backlog(int n) throws InterruptedException {
        String run = "backlog-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, Instant> accepted = send(run, n);
        awaitCompletion(run, n, Instant.now().plus(timeout));
        return BacklogMeasurement.of(system(), times(run, accepted));
    }

    // Returns when each request (by its correlation id) was accepted: when the transaction holding it committed.
    private Map<String, Instant> send(String run, int n) {
        Map<String, Instant> accepted = new HashMap<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                "tcp://" + broker.host() + ":" + broker.port());
             JMSContext context = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue intake = context.createQueue(INTAKE_QUEUE);
            JMSProducer producer = context.createProducer();
            token.ifPresent(bearer -> producer.setProperty("authorization", bearer));
            List<String> uncommitted = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String correlationId = run + i;
                producer.setProperty("correlation_id", correlationId).send(intake, Workload.W1.request());
                uncommitted.add(correlationId);
                if (uncommitted.size() == BATCH || i == n - 1) {
                    context.commit();
                    Instant now = Instant.now();
                    uncommitted.forEach(id -> accepted.put(id, now));
                    uncommitted.clear();
                }
            }
        }
        return accepted;
    }

    // Until every workflow has ended; one that ended otherwise than complete fails the run.
    private void awaitCompletion(String run, int n, Instant deadline) throws InterruptedException {
        long[] ended;
        while ((ended = ended(run))[0] < n) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(n - ended[0] + " backlog workflows of tasker not finished by the "
                        + "deadline");
            }
            Thread.sleep(POLL.toMillis());
        }
        if (ended[1] < n) {
            throw new IllegalStateException(n - ended[1] + " backlog workflows of tasker did not complete");
        }
    }

    // How many of the run's workflows have ended, and how many of those completed.
    private long[] ended(String run) {
        try (Connection connection = connect();
             PreparedStatement count = connection.prepareStatement("""
                     SELECT count(*) FILTER (WHERE status NOT IN ('pending', 'in_progress')),
                            count(*) FILTER (WHERE status = 'complete')
                       FROM tasker_tasks
                      WHERE correlation_id LIKE ?""")) {
            count.setString(1, run + "%");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count tasker's backlog workflows: " + e.getMessage(), e);
        }
    }

    private List<BacklogTimes> times(String run, Map<String, Instant> accepted) {
        Map<String, Instant> completed = new LinkedHashMap<>();
        Map<String, List<BacklogTimes.StepSpan>> steps = new HashMap<>();
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT t.correlation_id, t.completed_at, s.name, s.processed_at,
                            (SELECT max(tr.created_at)
                               FROM tasker_workflow_step_transitions tr
                              WHERE tr.workflow_step_id = s.workflow_step_id
                                AND tr.to_state = 'in_progress') AS started_at
                       FROM tasker_tasks t
                       JOIN tasker_workflow_steps s ON s.task_id = t.task_id
                      WHERE t.correlation_id LIKE ?
                      ORDER BY t.task_id, s.workflow_step_id""")) {
            select.setString(1, run + "%");
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String workflow = row.getString(1);
                    completed.put(workflow, instant(row.getTimestamp(2)));
                    steps.computeIfAbsent(workflow, any -> new ArrayList<>()).add(new BacklogTimes.StepSpan(
                            instant(row.getTimestamp(5)), instant(row.getTimestamp(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tasker's backlog workflows: " + e.getMessage(), e);
        }
        return completed.entrySet().stream()
                .map(workflow -> new BacklogTimes(accepted.get(workflow.getKey()), workflow.getValue(),
                        steps.get(workflow.getKey())))
                .toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
