package io.tasker.examples;

import io.tasker.api.StepContext;
import io.tasker.api.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs any step of the example workflows: returns the step's name, the names of the parent results it read and
 * its attempt number (and its inputs, when it has some), and records the attempt in the {@link ExecutionLedger}. The
 * task context scripts failures and slow steps ({@link StepScript}); an interrupt ends a scripted sleep and fails the
 * attempt. A step whose {@code handler_config} names an event under {@code publishes} publishes it, with the names
 * of the parents it read as {@code branches}.
 */
@ApplicationScoped
public class ExampleStepHandler implements StepHandler {

    private final ExecutionLedger ledger;

    @Inject
    public ExampleStepHandler(ExecutionLedger ledger) {
        this.ledger = ledger;
    }

    /** For the container's proxy. */
    protected ExampleStepHandler() {
        this(null);
    }

    @Override
    public Map<String, Object> handle(StepContext context) throws InterruptedException {
        Map<String, Object> scripted = new HashMap<>(context.taskContext());
        scripted.putAll(context.inputs());
        StepScript script = new StepScript(scripted, context.stepName());
        try {
            Thread.sleep(script.sleepMillis());
            script.holdIgnoringInterrupts();
            // Before a scripted failure, so a failed attempt shows its publication rolled back with it.
            Object event = context.handlerConfig().get("publishes");
            if (event instanceof String name) {
                context.publish(name, Map.of("branches",
                        List.copyOf(new TreeSet<>(context.parentResults().keySet()))));
            }
            script.failIfScripted(context.attempt());
        } catch (RuntimeException | InterruptedException e) {
            ledger.recordFailure(context);
            throw e;
        }
        ledger.recordSuccess(context);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("step", context.stepName());
        results.put("parents_read", List.copyOf(new TreeSet<>(context.parentResults().keySet())));
        results.put("attempt", context.attempt());
        if (!context.inputs().isEmpty()) {
            results.put("inputs", context.inputs());
        }
        if (script.resultsPadding() > 0) {
            results.put("padding", "x".repeat(script.resultsPadding()));
        }
        return results;
    }
}
