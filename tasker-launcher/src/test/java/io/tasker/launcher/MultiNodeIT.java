package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Payara Micro nodes share one database and one broker: together they run every step exactly once, whether
 * messages are duplicated, a node is killed (SIGKILL) mid-run or a node is stopped (SIGTERM) mid-run.
 */
@ExtendWith(TaskerStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

    private static final String FIRST_NODE = "it-node";
    private static final String SECOND_NODE = "it-node-2";
    // The second node gives its running steps 1 s when it is stopped, then releases them.
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(1);
    private static final Map<String, String> SECOND_NODE_SETTINGS =
            Map.of("TASKER_SHUTDOWN_GRACE_SECONDS", Long.toString(SHUTDOWN_GRACE.toSeconds()));
    // The test node's lease and sweep interval (TaskerStackExtension.NODE_SETTINGS).
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(2);
    // Scheduling noise on a loaded 2-core machine, on top of the bounds the settings give.
    private static final Duration SLACK = Duration.ofSeconds(10);

    private static PayaraNode secondNode;

    @BeforeAll
    static void startSecondNode(RunningStack stack) throws Exception {
        secondNode = stack.startNode(SECOND_NODE, SECOND_NODE_SETTINGS);
    }

    // A test that killed or stopped the second node leaves it to the next one to start it again.
    @BeforeEach
    void secondNodeRunning(RunningStack stack) throws Exception {
        if (!secondNode.isAlive()) {
            secondNode = stack.startNode(SECOND_NODE, SECOND_NODE_SETTINGS);
        }
    }

    @AfterAll
    static void stopSecondNode(RunningStack stack) throws InterruptedException {
        stack.stack().stopNode(secondNode);
    }

    @Test
    @Order(1)
    void twoNodesRunOneTaskSetWithEachStepSucceedingExactlyOnce(RunningStack stack) throws Exception {
        // The counters are compared with the database's counts of this workload: no other task may end meanwhile.
        awaitNoOtherTaskDue(stack);
        List<Metrics> before = List.of(Metrics.scrape(stack.client()),
                Metrics.scrape(stack.client().at(secondNode.apiUri())));
        Workload workload = Workload.submit(stack.client(), Workload.plan(300, 21), 0);

        Duration took = workload.awaitComplete(stack.client(), stack.database(), Instant.now(), Duration.ofMinutes(5));

        workload.assertExecutedExactlyAsScripted(stack.database());
        awaitCountedOnBothNodes(stack, before, "tasker_tasks_completed_total", Map.of(), 300);
        awaitCountedOnBothNodes(stack, before, "tasker_step_attempts_total", Map.of("outcome", "succeeded"),
                Database.stepTransitionsOf(stack.database(), workload.taskIds(), "%", "complete"));
        awaitCountedOnBothNodes(stack, before, "tasker_step_attempts_total", Map.of("outcome", "retryable_failure"),
                Database.stepTransitionsOf(stack.database(), workload.taskIds(), "%", "error"));
        assertSecondNodeLogsEachTaskWithItsCorrelationId(stack, workload);
        int claimsOnFirst = Database.stepTransitionsOf(stack.database(), workload.taskIds(), FIRST_NODE,
                "in_progress");
        int claimsOnSecond = Database.stepTransitionsOf(stack.database(), workload.taskIds(), SECOND_NODE,
                "in_progress");
        System.out.printf("two nodes: 300 tasks complete %d ms after submission; claims %d on %s, %d on %s%n",
                took.toMillis(), claimsOnFirst, FIRST_NODE, claimsOnSecond, SECOND_NODE);
        assertTrue(claimsOnFirst > 0 && claimsOnSecond > 0, "both nodes ran steps");
    }

    @Test
    @Order(2)
    void duplicatedTaskMessagesRunNothingTwice(RunningStack stack) throws Exception {
        Workload workload = Workload.submit(stack.client(), Workload.plan(100, 22), 0);
        try (BrokerClient broker = stack.brokerClient()) {
            sendAnotherMessageForEach(broker, workload);
            workload.awaitComplete(stack.client(), stack.database(), Instant.now(), Duration.ofMinutes(3));
            int transitionsWhenComplete = Database.stepTransitionsOf(stack.database(), workload.taskIds());

            sendAnotherMessageForEach(broker, workload);
            awaitQueueDrained(broker, Duration.ofSeconds(30));
            // The last duplicates were taken from the queue; a task run after them lets those still in hand finish.
            long sentinel = stack.client().createTask("""
                    {"name": "linear_workflow", "namespace": "examples", "context": {}}""");
            stack.client().awaitFinished(sentinel, Duration.ofSeconds(30));

            workload.assertExecutedExactlyAsScripted(stack.database());
            assertEquals(transitionsWhenComplete, Database.stepTransitionsOf(stack.database(), workload.taskIds()),
                    "a message for a finished task changes nothing");
        }
    }

    @Test
    @Order(3)
    void killingANodeMidRunLosesNothingAndRepeatsNoSuccess(RunningStack stack) throws Exception {
        // The workload's templates only: claims that earlier tests left to expire (OrchestrationFunctionsIT's,
        // on the benchmark's templates) may be ended meanwhile, and rightly counted.
        Map<String, String> expiredExamples = Map.of("outcome", "lease_expired", "namespace", "examples");
        double countedBefore = Metrics.scrape(stack.client()).sum("tasker_step_attempts_total", expiredExamples);
        Workload workload = Workload.submit(stack.client(), Workload.plan(200, 23, 1), 400);
        awaitStepsInProgressOn(stack, SECOND_NODE, 3, Duration.ofSeconds(60));

        secondNode.kill();
        Instant killed = Instant.now();
        int orphaned = Database.stepsInProgressOn(stack.database(), SECOND_NODE);
        Duration recovered = awaitNoStepInProgressOn(stack, SECOND_NODE, killed, Duration.ofMinutes(2));
        Duration finished = workload.awaitComplete(stack.client(), stack.database(), killed, Duration.ofMinutes(5));

        int expired = Database.stepTransitionsOf(stack.database(), workload.taskIds(), SECOND_NODE, "error");
        assertEquals(expired, Metrics.scrape(stack.client()).sum("tasker_step_attempts_total", expiredExamples)
                - countedBefore, "the first node counted each claim of the second that it ended");
        System.out.printf("kill -9: %d steps orphaned, %d claims expired, all free again %d ms after the kill, all "
                + "200 tasks complete %d ms after it%n", orphaned, expired, recovered.toMillis(), finished.toMillis());
        assertTrue(orphaned > 0 && expired > 0, "the kill caught steps in progress and their claims expired");
        assertTrue(recovered.compareTo(LEASE.plus(SWEEP_INTERVAL).plus(SLACK)) <= 0,
                "orphaned steps recovered within the lease plus the sweep interval, took " + recovered);
        workload.assertSucceededExactlyOnce(stack.database(), 0);
    }

    @Test
    @Order(4)
    void stoppingANodeMidRunFinishesOrReleasesItsSteps(RunningStack stack) throws Exception {
        // Steps of 4 s: those a stop finds running mostly outlast its grace of 1 s and are released.
        Workload workload = Workload.submit(stack.client(), Workload.plan(60, 24, 1), 4000);
        awaitStepsInProgressOn(stack, SECOND_NODE, 3, Duration.ofSeconds(60));

        Instant stopping = Instant.now();
        stack.stack().stopNode(secondNode);
        Duration stopped = Duration.between(stopping, Instant.now());
        assertEquals(0, Database.stepsInProgressOn(stack.database(), SECOND_NODE), "a clean stop leaves nothing");
        int released = Database.stepTransitionsOf(stack.database(), workload.taskIds(), SECOND_NODE, "pending");
        Duration finished = workload.awaitComplete(stack.client(), stack.database(), stopping, Duration.ofMinutes(3));
        System.out.printf("SIGTERM: node stopped in %d ms releasing %d steps; all 60 tasks complete %d ms after%n",
                stopped.toMillis(), released, finished.toMillis());
        assertTrue(released > 0, "steps still running after the grace period were released");
        // An attempt interrupted at the end of the grace period may have counted itself as a failure.
        workload.assertSucceededExactlyOnce(stack.database(), 1);
    }

    // The second node's JSON lines about the workload's tasks (its failed attempts) carry each task's correlation id,
    // which the first node's API gave the task when it created it.
    private static void assertSecondNodeLogsEachTaskWithItsCorrelationId(RunningStack stack, Workload workload)
            throws Exception {
        Set<Long> tasks = Set.copyOf(workload.taskIds());
        List<JsonObject> lines = JsonLogs.read(secondNode.logFile()).stream()
                .filter(line -> line.containsKey("task_id")
                        && tasks.contains(line.getJsonNumber("task_id").longValue()))
                .toList();
        assertTrue(!lines.isEmpty(), "the second node logged the attempts of the workload that failed on it");
        for (JsonObject line : lines) {
            long taskId = line.getJsonNumber("task_id").longValue();
            assertEquals(stack.client().get("/tasks/" + taskId).json().getString("correlation_id"),
                    line.getString("correlation_id", null), line.toString());
        }
    }

    // Earlier tests' tasks (retries backing off, slow steps) finish before this one counts.
    private static void awaitNoOtherTaskDue(RunningStack stack) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Database.tasksDueSoon(stack.database()) > 0) {
            assertTrue(Instant.now().isBefore(deadline), Database.tasksDueSoon(stack.database())
                    + " tasks of earlier tests still due to run");
            Thread.sleep(250);
        }
    }

    // The two nodes' counts of the series (all templates) changed by {@code expected} together since {@code before}.
    private static void awaitCountedOnBothNodes(RunningStack stack, List<Metrics> before, String name,
            Map<String, String> labels, double expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        double counted;
        do {
            counted = Metrics.scrape(stack.client()).sum(name, labels) - before.get(0).sum(name, labels)
                    + Metrics.scrape(stack.client().at(secondNode.apiUri())).sum(name, labels)
                    - before.get(1).sum(name, labels);
            if (counted == expected) {
                return;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        assertEquals(expected, counted, "the two nodes' " + name + labels + " add up to the database's count");
    }

    private static void sendAnotherMessageForEach(BrokerClient broker, Workload workload) {
        for (long taskId : workload.taskIds()) {
            broker.send(BrokerClient.TASK_RUNNER, Long.toString(taskId), Map.of("task_id", taskId));
        }
    }

    private static void awaitQueueDrained(BrokerClient broker, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (broker.waiting(BrokerClient.TASK_RUNNER) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the task-runner queue did not drain");
            Thread.sleep(50);
        }
    }

    private static void awaitStepsInProgressOn(RunningStack stack, String node, int atLeast, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Database.stepsInProgressOn(stack.database(), node) < atLeast) {
            assertTrue(Instant.now().isBefore(deadline), node + " never ran " + atLeast + " steps at once");
            Thread.sleep(20);
        }
    }

    private static Duration awaitNoStepInProgressOn(RunningStack stack, String node, Instant since,
            Duration timeout) throws Exception {
        Instant deadline = since.plus(timeout);
        while (Database.stepsInProgressOn(stack.database(), node) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "steps of " + node + " were never recovered");
            Thread.sleep(100);
        }
        return Duration.between(since, Instant.now());
    }
}
