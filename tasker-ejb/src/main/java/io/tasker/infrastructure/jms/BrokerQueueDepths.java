package io.tasker.infrastructure.jms;

import io.tasker.telemetry.QueueDepths;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Queue depths asked of Artemis through its management address: a message naming the queue's resource and its
 * {@code messageCount} attribute, answered with a text message holding a JSON array (e.g. {@code [12]}). A broker
 * with security on must let Tasker's user send to the management address (docs/observability.md).
 */
@ApplicationScoped
public class BrokerQueueDepths implements QueueDepths {

    private static final Logger LOG = Logger.getLogger(BrokerQueueDepths.class.getName());
    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long ANSWER_TIMEOUT_MS = 2_000;

    @Resource(lookup = TaskerJmsResources.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Override
    public List<String> queues() {
        return List.of(TaskerJmsResources.TASK_RUNNER_ADDRESS, TaskerJmsResources.TASK_REQUESTS_ADDRESS,
                TaskerJmsResources.DEAD_LETTER_ADDRESS);
    }

    @Override
    public OptionalLong depth(String queue) {
        try (JMSContext context = connectionFactory.createContext()) {
            TemporaryQueue answers = context.createTemporaryQueue();
            Message question = context.createMessage();
            question.setStringProperty("_AMQ_ResourceName", "queue." + queue);
            question.setStringProperty("_AMQ_Attribute", "messageCount");
            question.setJMSReplyTo(answers);
            try (JMSConsumer consumer = context.createConsumer(answers)) {
                context.createProducer().send(context.createQueue(MANAGEMENT_ADDRESS), question);
                Message answer = consumer.receive(ANSWER_TIMEOUT_MS);
                if (answer instanceof TextMessage text && answer.getBooleanProperty("_AMQ_OperationSucceeded")) {
                    String count = text.getText().replaceAll("[\\[\\]\\s]", "");
                    return OptionalLong.of(Long.parseLong(count));
                }
                LOG.fine(() -> "the broker did not tell the depth of " + queue + ": " + answer);
                return OptionalLong.empty();
            }
        } catch (JMSRuntimeException | JMSException | NumberFormatException e) {
            LOG.fine(() -> "the broker did not tell the depth of " + queue + ": " + e);
            return OptionalLong.empty();
        }
    }
}
