package io.tasker.infrastructure.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/** The task-runner message format: a message carries one task id, as a long property. */
final class TaskMessages {

    static final String TASK_ID = "task_id";

    private TaskMessages() {
    }

    static long taskId(Message message) throws JMSException {
        if (!message.propertyExists(TASK_ID)) {
            throw new IllegalArgumentException("task-runner message " + message.getJMSMessageID()
                    + " has no " + TASK_ID + " property");
        }
        return message.getLongProperty(TASK_ID);
    }
}
