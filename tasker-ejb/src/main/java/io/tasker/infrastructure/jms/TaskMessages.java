package io.tasker.infrastructure.jms;

import io.opentelemetry.context.Context;
import io.tasker.telemetry.CorrelationIds;
import io.tasker.telemetry.Tracing;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * The task-runner message format: a message carries one task id, as a long property, and the task's correlation id,
 * as a string property, when the sender knew it.
 */
final class TaskMessages {

    static final String TASK_ID = "task_id";
    static final String CORRELATION_ID = CorrelationIds.PROPERTY;

    private TaskMessages() {
    }

    /** The trace context the message carries: its sender's span. */
    static Context traceContext(Tracing tracing, Message message) {
        return tracing.extract(name -> {
            try {
                return message.getStringProperty(name);
            } catch (JMSException e) {
                return null;
            }
        });
    }

    /** The task's correlation id, or null when the message does not carry one. */
    static String correlationId(Message message) throws JMSException {
        return message.getStringProperty(CORRELATION_ID);
    }

    static long taskId(Message message) throws JMSException {
        if (!message.propertyExists(TASK_ID)) {
            throw new IllegalArgumentException("task-runner message " + message.getJMSMessageID()
                    + " has no " + TASK_ID + " property");
        }
        return message.getLongProperty(TASK_ID);
    }
}
