package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.jms.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A message the task runner cannot process is redelivered after a growing delay and then parked on the dead-letter
 * queue, never retried in a hot loop. (The test broker redelivers after 0.2 s doubling up to 2 s, 10 attempts.)
 */
@ExtendWith(TaskerStackExtension.class)
class PoisonMessageIT {

    // 0.2 + 0.4 + 0.8 + 1.6 + 2 x 5 s between the ten deliveries.
    private static final Duration REDELIVERY_DELAYS = Duration.ofMillis(13_000);

    @Test
    void aMessageWithoutATaskIdEndsOnTheDeadLetterQueueAfterItsRedeliveries(RunningStack stack) throws Exception {
        try (BrokerClient broker = stack.brokerClient()) {
            Instant sent = Instant.now();
            broker.send(BrokerClient.TASK_RUNNER, "not a task", Map.of("origin", "poison-test"));

            Message parked = broker.receive(BrokerClient.DEAD_LETTERS, Duration.ofSeconds(60));

            assertNotNull(parked, "the poison message never reached the dead-letter queue");
            Duration took = Duration.between(sent, Instant.now());
            assertTrue(took.compareTo(REDELIVERY_DELAYS) >= 0, "parked after " + took + ": redelivered too fast");
            assertEquals("poison-test", parked.getStringProperty("origin"));
            assertEquals(BrokerClient.TASK_RUNNER, parked.getStringProperty("_AMQ_ORIG_ADDRESS"));
        }
    }

    @Test
    void aMessageForATaskThatDoesNotExistIsConsumedQuietly(RunningStack stack) throws Exception {
        try (BrokerClient broker = stack.brokerClient()) {
            broker.send(BrokerClient.TASK_RUNNER, "987654321", Map.of("task_id", 987654321L));
            long taskId = stack.client().createTask("""
                    {"name": "linear_workflow", "namespace": "examples", "context": {}}""");
            assertEquals("complete", stack.client().awaitFinished(taskId, Duration.ofSeconds(30)).getString("status"));
            assertEquals(null, broker.receive(BrokerClient.DEAD_LETTERS, Duration.ofSeconds(1)));
        }
    }
}
