package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events on the broker's topic ({@code tasker.events}, switched on for the suite), as a system in another JVM
 * receives them: a durable subscription keeps what is published while its consumer is away, and each event comes
 * as JSON with its name, id, namespace and task name as properties to select on; a handler's custom event too. A
 * node killed (SIGKILL) after its changes committed and before it relayed their events loses none of them.
 */
@ExtendWith(TaskerStackExtension.class)
class EventTopicIT {

    private static final String TOPIC = "tasker.events";
    private static final String LINEAR = "namespace = 'examples' AND task_name = 'linear_workflow'";

    @Test
    void aDurableSubscriberGetsEveryEventOfAWorkflowPublishedWhileItWasAway(RunningStack stack) throws Exception {
        LauncherSettings.BrokerAddress broker = stack.stack().broker();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                "tcp://" + broker.host() + ":" + broker.port())) {
            String subscription = "events-it-" + System.nanoTime();
            // Subscribe, then go away while the workflow runs.
            try (JMSContext context = factory.createContext()) {
                context.setClientID(subscription);
                context.createDurableConsumer(context.createTopic(TOPIC), subscription,
                        "namespace = 'examples' AND task_name = 'diamond_workflow'", false).close();
            }
            TaskerClient client = stack.client();
            long taskId = client.createTask("""
                    {"name": "diamond_workflow", "namespace": "examples", "version": "1.0.0", "context": {}}""");
            JsonObject task = client.awaitFinished(taskId, Duration.ofSeconds(30));
            // The task's three, each step's three, and the custom event its merge step publishes.
            int expected = 3 + 3 * task.getJsonArray("workflow_steps").size() + 1;

            List<JsonObject> events = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            try (JMSContext context = factory.createContext()) {
                context.setClientID(subscription);
                try (JMSConsumer consumer = context.createDurableConsumer(context.createTopic(TOPIC), subscription,
                        "namespace = 'examples' AND task_name = 'diamond_workflow'", false)) {
                    while (events.size() < expected) {
                        Message message = consumer.receive(15_000);
                        assertNotNull(message, "only " + events.size() + " of " + expected + " events: " + events);
                        JsonObject event = Json.createReader(new StringReader(((TextMessage) message).getText()))
                                .readObject();
                        assertEquals(event.getString("name"), message.getStringProperty("event"));
                        assertEquals(event.getString("event_id"), message.getStringProperty("event_id"));
                        if (event.getJsonNumber("task_id").longValue() == taskId && ids.add(event.getString(
                                "event_id"))) {
                            events.add(event);
                        }
                    }
                }
                context.unsubscribe(subscription);
            }

            List<String> names = events.stream().map(event -> event.getString("name")).toList();
            assertEquals("task.created", names.get(0));
            assertEquals("task.completed", names.get(names.size() - 1));
            assertEquals(task.getJsonArray("workflow_steps").size() * 3L, names.stream()
                    .filter(name -> name.startsWith("step.")).count(), names.toString());
            JsonObject completed = events.get(events.size() - 1);
            assertEquals("in_progress", completed.getString("from_state"));
            assertEquals("complete", completed.getString("to_state"));
            assertEquals(7, completed.getJsonObject("data").getInt("total_steps"), completed.toString());
            JsonObject merged = events.stream().filter(event -> event.getString("name")
                    .equals("examples.branches_merged")).findFirst().orElseThrow();
            assertEquals("merge_branches", merged.getString("step_name"));
            assertEquals(2, merged.getJsonObject("data").getJsonArray("branches").size(), merged.toString());
        }
    }

    @Test
    void eventsCommittedWhenTheirNodeIsKilledBeforeRelayingReachTheTopicOnceItIsBack(RunningStack stack)
            throws Exception {
        LauncherSettings.BrokerAddress broker = stack.stack().broker();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                "tcp://" + broker.host() + ":" + broker.port())) {
            String subscription = "events-kill-it-" + System.nanoTime();
            try (JMSContext context = factory.createContext()) {
                context.setClientID(subscription);
                context.createDurableConsumer(context.createTopic(TOPIC), subscription, LINEAR, false).close();
            }
            // Another holder's lease on the topic's cursor: the node commits events but relays none of them.
            holdTopicCursor(stack, "'events-it'", "clock_timestamp() + interval '1 hour'");
            TaskerClient client = stack.client();
            List<Long> tasks = new ArrayList<>();
            int expected = 0;
            for (int i = 0; i < 10; i++) {
                tasks.add(client.createTask("""
                        {"name": "linear_workflow", "namespace": "examples", "version": "1.0.0", "context": {}}"""));
            }
            for (long taskId : tasks) {
                JsonObject task = client.awaitFinished(taskId, Duration.ofSeconds(60));
                expected += 3 + 3 * task.getJsonArray("workflow_steps").size();
            }
            stack.stack().node().kill();
            holdTopicCursor(stack, "NULL", "NULL");
            stack.restartNode(Map.of());

            Set<String> ids = new HashSet<>();
            try (JMSContext context = factory.createContext()) {
                context.setClientID(subscription);
                try (JMSConsumer consumer = context.createDurableConsumer(context.createTopic(TOPIC), subscription,
                        LINEAR, false)) {
                    while (ids.size() < expected) {
                        Message message = consumer.receive(30_000);
                        assertNotNull(message, "only " + ids.size() + " of the " + expected + " events");
                        JsonObject event = Json.createReader(new StringReader(((TextMessage) message).getText()))
                                .readObject();
                        if (tasks.contains(event.getJsonNumber("task_id").longValue())) {
                            ids.add(event.getString("event_id"));
                        }
                    }
                }
                context.unsubscribe(subscription);
            }
            assertEquals(expected, ids.size());
        }
    }

    private static void holdTopicCursor(RunningStack stack, String holder, String until) throws SQLException {
        LauncherSettings.DatabaseAddress db = stack.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate("UPDATE tasker_event_cursors SET leased_by = " + holder
                    + ", lease_expires_at = " + until + " WHERE name = 'topic:tasker.events'"));
        }
    }
}
