package io.tasker.infrastructure.jms;

import io.opentelemetry.context.Scope;
import io.tasker.orchestration.TaskCoordinator;
import io.tasker.orchestration.finalization.FinalizationDecision;
import io.tasker.telemetry.EngineMetrics;
import io.tasker.telemetry.LogContext;
import io.tasker.telemetry.Tracing;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;

/**
 * The task runner: each message on {@code tasker.task-runner} starts a pass over its task. The message is
 * acknowledged in the container's transaction, which also holds the finalizer's state change and any follow-up
 * message; if the pass fails, all of it rolls back and the broker redelivers the message. A node that is stopping
 * rolls the transaction back on purpose, handing the message to a node that runs. Its resource adapter and its
 * session count ({@code tasker.runner.max-sessions}) are set the way each server reads them, in
 * {@code META-INF/glassfish-ejb-jar.xml} and {@code META-INF/jboss-ejb3.xml}.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = TaskerJmsResources.TASK_RUNNER_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        // After a broker restart, reconnect every second, for as long as it takes.
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
})
public class TaskRunnerMdb implements MessageListener {

    @Inject
    private TaskCoordinator coordinator;

    @Inject
    private EngineMetrics metrics;

    @Inject
    private Tracing tracing;

    @Resource
    private MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        try {
            long due = Math.max(message.getJMSDeliveryTime(), message.getJMSTimestamp());
            if (due > 0) {
                metrics.messageWaited(Duration.ofMillis(System.currentTimeMillis() - due));
            }
            long taskId = TaskMessages.taskId(message);
            try (LogContext.Scope task = LogContext.task(taskId, TaskMessages.correlationId(message));
                 Scope trace = tracing.enter(TaskMessages.traceContext(tracing, message))) {
                if (coordinator.runPass(taskId) instanceof FinalizationDecision.Defer) {
                    context.setRollbackOnly();
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read task-runner message", e);
        }
    }
}
