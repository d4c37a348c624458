package io.tasker.health;

import io.tasker.config.TaskerResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the broker answers: browsing the task-runner queue takes a round trip to it. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = TaskerResources.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource(lookup = TaskerResources.TASK_RUNNER_QUEUE)
    private Queue taskRunner;

    @Override
    public HealthCheckResponse call() {
        long started = System.nanoTime();
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(taskRunner)) {
            browser.getEnumeration().hasMoreElements();
            return HealthCheckResponse.named("broker").up()
                    .withData("response_time_ms", (System.nanoTime() - started) / 1_000_000)
                    .build();
        } catch (JMSRuntimeException | JMSException e) {
            return HealthCheckResponse.named("broker").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
