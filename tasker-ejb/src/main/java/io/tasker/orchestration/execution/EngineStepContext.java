package io.tasker.orchestration.execution;

import io.tasker.api.StepContext;
import io.tasker.orchestration.claim.StepClaim;
import io.tasker.orchestration.claim.TaskSnapshot;
import java.util.Map;

/**
 * The {@link StepContext} a handler receives: read-only views of the task, the step (its inputs included) and its
 * parents' results.
 */
record EngineStepContext(TaskSnapshot task, StepClaim step, Map<String, Object> handlerConfig)
        implements StepContext {

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
}
