package io.tasker.examples;

import io.tasker.api.StepContext;
import io.tasker.api.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The step of the benchmark workflows (namespace {@code bench}): does nothing, so a benchmark measures the engine,
 * except the failures the task context scripts ({@link StepScript}).
 */
@ApplicationScoped
public class BenchStepHandler implements StepHandler {

    @Override
    public Map<String, Object> handle(StepContext context) {
        new StepScript(context.taskContext(), context.stepName()).failIfScripted(context.attempt());
        return Map.of();
    }
}
