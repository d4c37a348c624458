package io.tasker.examples;

import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import io.tasker.api.StepContext;
import io.tasker.api.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs any step of the example workflows: returns the step's name, the names of the parent results it read and
 * its attempt number. The task context scripts failures, so tests and users can try retries:
 * <ul>
 *   <li>{@code "fail_times": {"<step>": N}} makes that step throw {@link RetryableException} on its first N
 *       attempts;</li>
 *   <li>{@code "fail_permanently": ["<step>", ...]} makes those steps throw {@link PermanentException}.</li>
 * </ul>
 */
@ApplicationScoped
public class ExampleStepHandler implements StepHandler {

    @Override
    public Map<String, Object> handle(StepContext context) {
        String step = context.stepName();
        if (listed(context.taskContext().get("fail_permanently"), step)) {
            throw new PermanentException("scripted permanent failure of " + step, "SCRIPTED");
        }
        int failures = scriptedFailures(context.taskContext().get("fail_times"), step);
        if (context.attempt() <= failures) {
            throw new RetryableException("scripted failure " + context.attempt() + " of " + failures + " of " + step);
        }
        return Map.of(
                "step", step,
                "parents_read", List.copyOf(new TreeSet<>(context.parentResults().keySet())),
                "attempt", context.attempt());
    }

    private static boolean listed(Object names, String step) {
        return names instanceof List<?> list && list.contains(step);
    }

    private static int scriptedFailures(Object failTimes, String step) {
        if (failTimes instanceof Map<?, ?> counts && counts.get(step) instanceof Number count) {
            return count.intValue();
        }
        return 0;
    }
}
