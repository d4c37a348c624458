package io.tasker.examples;

import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import io.tasker.api.StepContext;
import io.tasker.api.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs any step of the example workflows: returns the step's name, the names of the parent results it read and
 * its attempt number, and records the attempt in the {@link ExecutionLedger}. The task context scripts its
 * behaviour, so tests and users can try retries, timeouts and cancellation:
 * <ul>
 *   <li>{@code "fail_times": {"<step>": N}} makes that step throw {@link RetryableException} on its first N
 *       attempts;</li>
 *   <li>{@code "retry_after_ms": {"<step>": N}} makes those scripted failures ask for their retry after N
 *       milliseconds instead of the back-off progression;</li>
 *   <li>{@code "fail_permanently": ["<step>", ...]} makes those steps throw {@link PermanentException};</li>
 *   <li>{@code "sleep_ms": {"<step>": N}} makes that step work for N milliseconds first (an interrupt ends the
 *       wait and fails the attempt).</li>
 * </ul>
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
        String step = context.stepName();
        Map<String, Object> script = context.taskContext();
        try {
            Thread.sleep(scriptedCount(script.get("sleep_ms"), step));
            if (listed(script.get("fail_permanently"), step)) {
                throw new PermanentException("scripted permanent failure of " + step, "SCRIPTED");
            }
            int failures = scriptedCount(script.get("fail_times"), step);
            if (context.attempt() <= failures) {
                throw new RetryableException("scripted failure " + context.attempt() + " of " + failures + " of "
                        + step, scriptedRetryAfter(script.get("retry_after_ms"), step));
            }
        } catch (RuntimeException | InterruptedException e) {
            ledger.recordFailure(context);
            throw e;
        }
        ledger.recordSuccess(context);
        return Map.of(
                "step", step,
                "parents_read", List.copyOf(new TreeSet<>(context.parentResults().keySet())),
                "attempt", context.attempt());
    }

    private static boolean listed(Object names, String step) {
        return names instanceof List<?> list && list.contains(step);
    }

    // Null when not scripted: the engine's back-off applies.
    private static Duration scriptedRetryAfter(Object millis, String step) {
        if (millis instanceof Map<?, ?> byStep && byStep.get(step) instanceof Number delay) {
            return Duration.ofMillis(delay.longValue());
        }
        return null;
    }

    private static int scriptedCount(Object counts, String step) {
        if (counts instanceof Map<?, ?> byStep && byStep.get(step) instanceof Number count) {
            return count.intValue();
        }
        return 0;
    }
}
