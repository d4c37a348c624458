package io.tasker.infrastructure.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Optional;

/** Whether the broker answers: browsing the task-runner queue takes a round trip to it. */
@ApplicationScoped
public class BrokerProbe {

    @Resource(lookup = TaskerJmsResources.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource(lookup = TaskerJmsResources.TASK_RUNNER_QUEUE)
    private Queue taskRunner;

    /** Empty when the broker answered, else what went wrong. */
    public Optional<String> problem() {
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(taskRunner)) {
            browser.getEnumeration().hasMoreElements();
            return Optional.empty();
        } catch (JMSRuntimeException | JMSException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
