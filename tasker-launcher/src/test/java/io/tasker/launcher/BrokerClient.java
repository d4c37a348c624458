package io.tasker.launcher;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A plain JMS client of the test broker: sends messages of the test's own onto Tasker's queues and reads them. */
final class BrokerClient implements AutoCloseable {

    static final String TASK_RUNNER = "tasker.task-runner";
    static final String DEAD_LETTERS = "DLQ";
    static final String TASK_REQUESTS = "tasker.task-requests";

    /** The property of a task request that carries its token. */
    static final String AUTHORIZATION = "authorization";

    private final ActiveMQConnectionFactory factory;
    private final JMSContext context;
    private final Optional<String> token;

    /** A client whose task requests carry {@code token}, unless a request sets its authorization itself. */
    BrokerClient(LauncherSettings.BrokerAddress broker, Optional<String> token) {
        factory = new ActiveMQConnectionFactory("tcp://" + broker.host() + ":" + broker.port());
        context = factory.createContext();
        this.token = token;
    }

    private JMSProducer withProperties(JMSProducer producer, String queue, Map<String, Object> properties) {
        if (queue.equals(TASK_REQUESTS) && !properties.containsKey(AUTHORIZATION)) {
            token.ifPresent(bearer -> producer.setProperty(AUTHORIZATION, bearer));
        }
        properties.forEach(producer::setProperty);
        return producer;
    }

    /** Sends a text message with the given properties (values: strings or longs) to a queue. */
    void send(String queue, String body, Map<String, Object> properties) {
        withProperties(context.createProducer(), queue, properties).send(context.createQueue(queue), body);
    }

    /**
     * Sends a text message with these properties and correlation id to a queue, naming a temporary queue to reply
     * to, and waits for the reply (null after the timeout).
     */
    Message request(String queue, String body, Map<String, Object> properties, String correlationId,
                    Duration timeout) {
        TemporaryQueue replies = context.createTemporaryQueue();
        try (var consumer = context.createConsumer(replies)) {
            withProperties(context.createProducer().setJMSReplyTo(replies).setJMSCorrelationID(correlationId), queue,
                    properties).send(context.createQueue(queue), body);
            return consumer.receive(timeout.toMillis());
        }
    }

    /** Receives the next message of a queue that matches the selector, or null after the timeout. */
    Message receive(String queue, String selector, Duration timeout) {
        try (var consumer = context.createConsumer(context.createQueue(queue), selector)) {
            return consumer.receive(timeout.toMillis());
        }
    }

    /** Receives the next message of a queue, or null after the timeout. */
    Message receive(String queue, Duration timeout) {
        Queue destination = context.createQueue(queue);
        try (var consumer = context.createConsumer(destination)) {
            return consumer.receive(timeout.toMillis());
        }
    }

    /** How many messages wait on a queue for a consumer (not counting those delivered or scheduled for later). */
    int waiting(String queue) throws JMSException {
        try (QueueBrowser browser = context.createBrowser(context.createQueue(queue))) {
            return Collections.list(browser.getEnumeration()).size();
        }
    }

    @Override
    public void close() {
        context.close();
        factory.close();
    }
}
