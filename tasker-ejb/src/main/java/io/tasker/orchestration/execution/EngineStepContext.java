package io.tasker.orchestration.execution;

import io.tasker.api.StepContext;
import io.tasker.events.CustomEventStore;
import io.tasker.orchestration.claim.StepClaim;
import io.tasker.orchestration.claim.TaskSnapshot;
import io.tasker.registry.EventPayloads;
import java.util.Map;

/**
 * The {@link StepContext} a handler receives: read-only views of the task, the step (its inputs included) and its
 * parents' results; the custom events it publishes are checked against the template's declarations and written in
 * the attempt's transaction.
 */
record EngineStepContext(TaskSnapshot task, StepClaim step, Map<String, Object> handlerConfig,
                         EventPayloads eventPayloads, CustomEventStore events) implements StepContext {

    @Override
    public long taskId() {
        return task.taskId();
    }

    @Override
    public String namespace() {
        return task.key().namespace();
    }

    @Override
    public String taskName() {
        return task.key().name();
    }

    @Override
    public String version() {
        return task.key().version().toString();
    }

    @Override
    public long stepId() {
        return step.stepId();
    }

    @Override
    public String stepName() {
        return step.name();
    }

    @Override
    public int attempt() {
        return step.attempt();
    }

    @Override
    public Map<String, Object> taskContext() {
        return task.context();
    }

    @Override
    public Map<String, Object> inputs() {
        return step.inputs();
    }

    @Override
    public Map<String, Map<String, Object>> parentResults() {
        return step.parentResults();
    }

    @Override
    public void publish(String event, Map<String, Object> payload) {
        events.record(task.taskId(), step.stepId(), step.attempt(), event,
                eventPayloads.check(step.name(), event, payload));
    }
}
