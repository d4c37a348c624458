package io.tasker.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tasker.launcher.LauncherSettings.DatabaseAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The peer Tasker is measured against: db-scheduler, tuned as its users tune it for throughput (lock-and-fetch
 * polling, 10 threads, a 1 s polling interval, immediate execution of what is due now), in this JVM, on the
 * benchmark's own PostgreSQL (schema {@code db_scheduler_peer}). A workflow is the same DAG Tasker runs
 * ({@link PeerWorkflow}): each step a one-time task that records a small result, counts down the joins of its
 * children in the same transaction and schedules those it made ready; the last step records the workflow's
 * completion. Times are the database's clock, as Tasker's are.
 */
final class DbSchedulerPeer implements WorkloadDriver, BacklogDriver, AutoCloseable {

    static final String SYSTEM = "db-scheduler";
    private static final String SCHEMA = "db_scheduler_peer";
    private static final int THREADS = 10;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int BACKLOG_SUBMITTERS = 4;

    /** What a scheduled step carries: its workflow and its name. */
    record PeerStep(long workflowId, String step) implements Serializable {
    }

    private final HikariDataSource dataSource;
    private final Map<Workload, PeerWorkflow> workflows = new EnumMap<>(Workload.class);
    private final Map<Workload, OneTimeTask<PeerStep>> tasks = new EnumMap<>(Workload.class);
    private final Scheduler scheduler;
    private final Duration timeout;
    private final AtomicInteger runs = new AtomicInteger();

    private DbSchedulerPeer(DatabaseAddress database, Duration timeout) {
        this.timeout = timeout;
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setSchema(SCHEMA);
        pool.setMaximumPoolSize(THREADS + 6);
        pool.setPoolName(SYSTEM);
        this.dataSource = new HikariDataSource(pool);
        for (Workload workload : Workload.values()) {
            PeerWorkflow workflow = PeerWorkflow.of(workload);
            workflows.put(workload, workflow);
            tasks.put(workload, Tasks.oneTime(workload.template(), PeerStep.class)
                    .onFailure(new FailureHandler.OnFailureRetryLater<>(workflow.retryAfter()))
                    .execute((instance, context) -> runStep(workload, instance.getData(), context)));
        }
        this.scheduler = Scheduler.create(dataSource, List.copyOf(tasks.values()))
                .threads(THREADS)
                .pollingInterval(Duration.ofSeconds(1))
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .failureLogging(LogLevel.DEBUG, false)
                .build();
    }

    /** Creates the peer's tables afresh in the database and starts the scheduler. */
    static DbSchedulerPeer start(DatabaseAddress database, Duration timeout) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             Statement statement = connection.createStatement()) {
            statement.execute(tablesScript());
        }
        DbSchedulerPeer peer = new DbSchedulerPeer(database, timeout);
        peer.scheduler.start();
        return peer;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Measurement throughput(Workload workload, int n, int submitters) throws InterruptedException {
        int run = runs.incrementAndGet();
        OptionalLong cpuBefore = MachineCpu.busyMillis();
        submit(workload, run, n, submitters);
        awaitCompletion(run, Instant.now().plus(timeout));
        OptionalDouble cpu = MachineCpu.perWorkflow(cpuBefore, MachineCpu.busyMillis(), n);
        return Measurement.of(SYSTEM, workload.name(), workload, finished(run), OptionalLong.empty(), cpu);
    }

    /**
     * Schedules the W1 workflows' first steps all at once, from as many client threads as the benchmark submits
     * from by default; a step's start is when its thread picked it.
     */
    @Override
    public BacklogMeasurement backlog(int n) throws InterruptedException {
        int run = runs.incrementAndGet();
        submit(Workload.W1, run, n, BACKLOG_SUBMITTERS);
        awaitCompletion(run, Instant.now().plus(timeout));
        List<BacklogTimes> workflows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT w.created_at, w.completed_at, array_agg(r.started_at ORDER BY r.started_at),
                            array_agg(r.done_at ORDER BY r.started_at)
                       FROM workflows w
                       JOIN step_results r ON r.workflow_id = w.workflow_id
                      WHERE w.run = ?
                      GROUP BY w.workflow_id""")) {
            select.setInt(1, run);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Timestamp[] started = (Timestamp[]) row.getArray(3).getArray();
                    Timestamp[] ended = (Timestamp[]) row.getArray(4).getArray();
                    List<BacklogTimes.StepSpan> steps = new ArrayList<>();
                    for (int i = 0; i < started.length; i++) {
                        steps.add(new BacklogTimes.StepSpan(started[i].toInstant(), ended[i].toInstant()));
                    }
                    workflows.add(new BacklogTimes(instant(row, 1), instant(row, 2), steps));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + SYSTEM + "'s backlog workflows", e);
        }
        return BacklogMeasurement.of(SYSTEM, workflows);
    }

    private void runStep(Workload workload, PeerStep step, ExecutionContext context) {
        Instant started = Instant.now();
        PeerWorkflow workflow = workflows.get(workload);
        int attempt = context.getExecution().consecutiveFailures + 1;
        if (attempt <= workflow.failures(step.step())) {
            throw new IllegalStateException("scripted failure " + attempt + " of " + step);
        }
        for (String ready : record(workflow, step, attempt, started)) {
            schedule(workload, step.workflowId(), ready);
        }
    }

    // One transaction: the step's result, the joins it counts down, and after the last step the workflow's end.
    private List<String> record(PeerWorkflow workflow, PeerStep step, int attempt, Instant started) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement result = connection.prepareStatement(
                    "INSERT INTO step_results (workflow_id, step, attempt, results, started_at) "
                            + "VALUES (?, ?, ?, '{}', ?)")) {
                result.setLong(1, step.workflowId());
                result.setString(2, step.step());
                result.setInt(3, attempt);
                result.setTimestamp(4, Timestamp.from(started));
                result.executeUpdate();
            }
            List<String> ready = new ArrayList<>();
            for (String child : workflow.children(step.step())) {
                if (workflow.parents(child) == 1 || joined(connection, step.workflowId(), child,
                        workflow.parents(child))) {
                    ready.add(child);
                }
            }
            if (workflow.isLast(step.step())) {
                try (PreparedStatement completed = connection.prepareStatement(
                        "UPDATE workflows SET completed_at = clock_timestamp() WHERE workflow_id = ?")) {
                    completed.setLong(1, step.workflowId());
                    completed.executeUpdate();
                }
            }
            connection.commit();
            return ready;
        } catch (SQLException e) {
            throw new IllegalStateException("step " + step + " could not record its result", e);
        }
    }

    // Counts one parent of the join done; true for the parent that was the last one it waited for.
    private static boolean joined(Connection connection, long workflowId, String join, int parents)
            throws SQLException {
        try (PreparedStatement countDown = connection.prepareStatement("""
                INSERT INTO joins (workflow_id, step, waiting_for) VALUES (?, ?, ?)
                ON CONFLICT (workflow_id, step) DO UPDATE SET waiting_for = joins.waiting_for - 1
                RETURNING waiting_for""")) {
            countDown.setLong(1, workflowId);
            countDown.setString(2, join);
            countDown.setInt(3, parents - 1);
            try (ResultSet left = countDown.executeQuery()) {
                left.next();
                return left.getInt(1) == 0;
            }
        }
    }

    private void schedule(Workload workload, long workflowId, String step) {
        scheduler.schedule(tasks.get(workload).instance(workflowId + "/" + step, new PeerStep(workflowId, step)),
                Instant.now());
    }

    // As Tasker's workflows are submitted: as fast as the peer accepts them, from several threads.
    private void submit(Workload workload, int run, int n, int submitters) throws InterruptedException {
        Submitters.submit(n, submitters, i -> {
            long workflowId = createWorkflow(run);
            workflows.get(workload).roots().forEach(root -> schedule(workload, workflowId, root));
        });
    }

    private long createWorkflow(int run) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO workflows (run) VALUES (?) RETURNING workflow_id")) {
            insert.setInt(1, run);
            try (ResultSet created = insert.executeQuery()) {
                created.next();
                return created.getLong(1);
            }
        }
    }

    private void awaitCompletion(int run, Instant deadline) throws InterruptedException {
        while (unfinished(run) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(unfinished(run) + " workflows of " + SYSTEM + " run " + run
                        + " not finished by the deadline");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private long unfinished(int run) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM workflows WHERE run = ? AND completed_at IS NULL")) {
            count.setInt(1, run);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + SYSTEM + "'s workflows", e);
        }
    }

    private List<FinishedTask> finished(int run) {
        List<FinishedTask> finished = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT w.workflow_id, w.created_at, w.completed_at, min(r.done_at),
                            coalesce(array_agg(r.step) FILTER (WHERE r.step IS NOT NULL), '{}'),
                            coalesce(array_agg(r.attempt) FILTER (WHERE r.step IS NOT NULL), '{}')
                       FROM workflows w
                       LEFT JOIN step_results r ON r.workflow_id = w.workflow_id
                      WHERE w.run = ?
                      GROUP BY w.workflow_id""")) {
            select.setInt(1, run);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String[] steps = (String[]) row.getArray(5).getArray();
                    Integer[] attempts = (Integer[]) row.getArray(6).getArray();
                    Map<String, Integer> byStep = new HashMap<>();
                    for (int i = 0; i < steps.length; i++) {
                        byStep.put(steps[i], attempts[i]);
                    }
                    Instant completed = instant(row, 3);
                    finished.add(new FinishedTask(row.getLong(1), completed == null ? "pending" : "complete",
                            instant(row, 2), completed, Optional.ofNullable(instant(row, 4)), byStep));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + SYSTEM + "'s workflows", e);
        }
        return finished;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String tablesScript() {
        try (InputStream in = DbSchedulerPeer.class.getResourceAsStream("/db-scheduler-peer.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the peer's tables", e);
        }
    }

    @Override
    public void close() {
        scheduler.stop();
        dataSource.close();
    }
}
