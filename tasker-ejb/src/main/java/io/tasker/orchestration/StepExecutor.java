package io.tasker.orchestration;

import io.tasker.api.StepHandler;
import io.tasker.json.JsonDocuments;
import io.tasker.registry.HandlerRegistry;
import io.tasker.registry.RegisteredTask;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Runs one claimed attempt of a step in a transaction of its own that also records the completion, so whatever
 * the handler writes through transactional resources commits exactly when the step is recorded complete. A
 * failing handler rolls that transaction back; the coordinator records the failure in a new one.
 */
@Stateless
public class StepExecutor {

    @Resource
    private SessionContext session;

    @Inject
    private HandlerRegistry registry;

    @Inject
    private OrchestrationStore store;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public StepOutcome execute(TaskSnapshot task, ClaimedStep step) {
        String resultsJson;
        try {
            RegisteredTask definition = registry.find(task.key())
                    .orElseThrow(() -> new MissingHandlerException("task " + task.key() + " is not registered"));
            StepHandler handler = definition.handler(step.name())
                    .orElseThrow(() -> new MissingHandlerException("task " + task.key() + " has no step " + step.name()));
            Map<String, Object> handlerConfig = definition.template().step(step.name()).orElseThrow().handlerConfig();
            Map<String, Object> results = handler.handle(new EngineStepContext(task, step, handlerConfig));
            resultsJson = JsonDocuments.writeChecked(results == null ? Map.of() : results, "the handler's results");
        } catch (Exception e) {
            session.setRollbackOnly();
            return StepOutcome.failed(step, e);
        }
        if (!store.completeStep(step.stepId(), step.attempt(), resultsJson)) {
            session.setRollbackOnly();
            return StepOutcome.claimLost(step);
        }
        return StepOutcome.completed(step);
    }
}
