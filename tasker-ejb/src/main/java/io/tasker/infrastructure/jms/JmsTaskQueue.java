package io.tasker.infrastructure.jms;

import io.tasker.task.TaskQueue;
import io.tasker.telemetry.Tracing;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;

/**
 * Sends task-runner messages through the XA connection factory, so a send joins the caller's transaction. A
 * delay becomes the broker's scheduled delivery: the message stays in the broker's journal until it is due.
 */
@ApplicationScoped
public class JmsTaskQueue implements TaskQueue {

    @Resource(lookup = TaskerJmsResources.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource(lookup = TaskerJmsResources.TASK_RUNNER_QUEUE)
    private Queue taskRunner;

    @Inject
    private Tracing tracing;

    @Override
    public void enqueue(long taskId, Duration delay, String correlationId) {
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer()
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setDeliveryDelay(Math.max(0, delay.toMillis()))
                    .setProperty(TaskMessages.TASK_ID, taskId);
            if (correlationId != null) {
                producer.setProperty(TaskMessages.CORRELATION_ID, correlationId);
            }
            tracing.inject(producer::setProperty);
            producer.send(taskRunner, Long.toString(taskId));
        }
    }
}
