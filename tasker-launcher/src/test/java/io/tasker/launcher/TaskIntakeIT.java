package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Task intake over JMS ({@code tasker.task-requests}): a request creates its task and is answered on its reply-to
 * with the request's correlation id; a repeat with the same key (a property or a body field) finds the same task; a
 * request that cannot be carried out is answered with the problem and parked on the dead-letter queue with its
 * reason, never retried.
 */
@ExtendWith(TaskerStackExtension.class)
class TaskIntakeIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void aRequestMessageCreatesItsTaskAndIsAnsweredWithItsId(RunningStack stack) throws Exception {
        try (BrokerClient broker = stack.brokerClient()) {
            Message reply = broker.request(BrokerClient.TASK_REQUESTS, """
                    {"name": "diamond_workflow", "namespace": "examples", "context": {"order": 7},
                     "initiator": "erp"}""", Map.of(), "corr-" + UUID.randomUUID(), WITHIN);

            assertNotNull(reply, "answered");
            assertEquals(201, reply.getIntProperty("status"));
            JsonObject answer = json(reply);
            long taskId = answer.getJsonNumber("task_id").longValue();
            JsonObject task = stack.client().awaitFinished(taskId, WITHIN);
            assertEquals("complete", task.getString("status"));
            assertEquals("erp", task.getString("initiator"));
            assertEquals(7, task.getJsonObject("context").getInt("order"));
        }
    }

    @Test
    void theReplyCarriesTheRequestsCorrelationId(RunningStack stack) throws Exception {
        try (BrokerClient broker = stack.brokerClient()) {
            String correlation = "order-" + UUID.randomUUID();
            Message reply = broker.request(BrokerClient.TASK_REQUESTS, """
                    {"name": "linear_workflow", "namespace": "examples", "context": {}}""", Map.of(), correlation,
                    WITHIN);
            assertEquals(correlation, reply.getJMSCorrelationID());
        }
    }

    @Test
    void aRepeatedRequestWithTheSameKeyCreatesOneTask(RunningStack stack) throws Exception {
        try (BrokerClient broker = stack.brokerClient()) {
            String request = """
                    {"name": "linear_workflow", "namespace": "examples", "context": {"n": 1}}""";
            Map<String, Object> key = Map.of("idempotency_key", "intake-" + UUID.randomUUID());
            Message first = broker.request(BrokerClient.TASK_REQUESTS, request, key, "a", WITHIN);
            Message again = broker.request(BrokerClient.TASK_REQUESTS, request, key, "b", WITHIN);
            assertEquals(201, first.getIntProperty("status"));
            assertEquals(200, again.getIntProperty("status"));
            assertEquals(json(first).getJsonNumber("task_id"), json(again).getJsonNumber("task_id"));

            String bodyKey = "intake-" + UUID.randomUUID();
            String keyed = """
                    {"name": "linear_workflow", "namespace": "examples", "context": {}, "idempotency_key": "%s"}"""
                    .formatted(bodyKey);
            Message one = broker.request(BrokerClient.TASK_REQUESTS, keyed, Map.of(), "c", WITHIN);
            Message two = broker.request(BrokerClient.TASK_REQUESTS, keyed, Map.of(), "d", WITHIN);
            assertEquals(json(one).getJsonNumber("task_id"), json(two).getJsonNumber("task_id"));
            assertEquals(200, two.getIntProperty("status"));
        }
    }

    @Test
    void anInvalidRequestIsAnsweredAndParkedWithItsReason(RunningStack stack) throws Exception {
        try (BrokerClient broker = stack.brokerClient()) {
            String marker = UUID.randomUUID().toString();
            Message invalid = broker.request(BrokerClient.TASK_REQUESTS, """
                    {"name": "linear_workflow", "namespace": "examples", "context": {}, "colour": "%s"}"""
                    .formatted(marker), Map.of(), "bad-1", WITHIN);
            assertEquals(400, invalid.getIntProperty("status"));
            JsonObject problem = json(invalid);
            assertEquals("urn:tasker:problem:invalid-request", problem.getString("type"));
            assertEquals("colour", problem.getJsonArray("errors").getJsonObject(0).getString("field"));

            Message parked = broker.receive(BrokerClient.DEAD_LETTERS, "status = 400", WITHIN);
            while (parked != null && !parked.getBody(String.class).contains(marker)) {
                parked = broker.receive(BrokerClient.DEAD_LETTERS, "status = 400", WITHIN);
            }
            assertNotNull(parked, "the request is on the dead-letter queue");
            assertTrue(parked.getStringProperty("tasker_rejection").contains("colour"),
                    parked.getStringProperty("tasker_rejection"));

            Message unknown = broker.request(BrokerClient.TASK_REQUESTS, """
                    {"name": "no_such_workflow", "context": {}}""", Map.of(), "bad-2", WITHIN);
            assertEquals(404, unknown.getIntProperty("status"));
            Message malformed = broker.request(BrokerClient.TASK_REQUESTS, "{\"name\":", Map.of(), "bad-3", WITHIN);
            assertEquals(400, malformed.getIntProperty("status"));
            assertEquals("body", json(malformed).getJsonArray("errors").getJsonObject(0).getString("field"));
            assertEquals(0, broker.waiting(BrokerClient.TASK_REQUESTS), "nothing is left to retry");
        }
    }

    @Test
    void aRequestWithoutAValidTokenOrBeyondItsReachIsRefusedAnsweredAndParked(RunningStack stack) throws Exception {
        String request = """
                {"name": "linear_workflow", "namespace": "examples", "context": {"marker": "%s"}}""";
        String paymentsOnly = stack.token(new DevelopmentKeys.Bearer("payments-service", List.of(),
                List.of("tasker.task:create@payments"), List.of(), Duration.ofMinutes(5)));
        Map<String, Map<String, Object>> refusals = Map.of(
                "no token", Map.of(),
                "not a token", Map.of(BrokerClient.AUTHORIZATION, "not-a-token"),
                "another namespace", Map.of(BrokerClient.AUTHORIZATION, "Bearer " + paymentsOnly));
        String linearTasks = "/tasks?namespace=examples&name=linear_workflow&limit=1";
        long before = stack.client().get(linearTasks).json().getJsonNumber("total").longValue();
        try (BrokerClient broker = new BrokerClient(stack.stack().broker(), Optional.empty())) {
            for (var refusal : refusals.entrySet()) {
                String marker = UUID.randomUUID().toString();
                Message answer = broker.request(BrokerClient.TASK_REQUESTS, request.formatted(marker),
                        refusal.getValue(), "refused-" + marker, WITHIN);
                int status = refusal.getKey().equals("another namespace") ? 403 : 401;
                assertEquals(status, answer.getIntProperty("status"), refusal.getKey());
                assertTrue(json(answer).getString("detail").contains(status == 403
                        ? "tasker.task:create is not granted to payments-service in namespace examples"
                        : "token"), refusal.getKey() + ": " + json(answer));
                Message parked = broker.receive(BrokerClient.DEAD_LETTERS, "status = " + status, WITHIN);
                while (parked != null && !parked.getBody(String.class).contains(marker)) {
                    parked = broker.receive(BrokerClient.DEAD_LETTERS, "status = " + status, WITHIN);
                }
                assertNotNull(parked, refusal.getKey() + ": the request is on the dead-letter queue");
            }
            assertEquals(0, broker.waiting(BrokerClient.TASK_REQUESTS), "nothing is left to retry");
            assertEquals(before, stack.client().get(linearTasks).json().getJsonNumber("total").longValue(),
                    "no task was created");
        }
    }

    private static JsonObject json(Message message) throws JMSException {
        try (var reader = Json.createReader(new StringReader(message.getBody(String.class)))) {
            return reader.readObject();
        }
    }
}
