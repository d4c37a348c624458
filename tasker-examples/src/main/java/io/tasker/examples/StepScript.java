package io.tasker.examples;

import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a task's context scripts for one of its steps, so tests, benchmarks and users can try failures and slow
 * steps without writing handlers:
 * <ul>
 *   <li>{@code "fail_times": {"<step>": N}}: the step throws {@link RetryableException} on its first N attempts;</li>
 *   <li>{@code "retry_after_ms": {"<step>": N}}: those failures ask for their retry after N milliseconds instead of
 *       the back-off progression;</li>
 *   <li>{@code "fail_permanently": ["<step>", ...]}: the steps throw {@link PermanentException};</li>
 *   <li>{@code "sleep_ms": {"<step>": N}}: the step works for N milliseconds first;</li>
 *   <li>{@code "stubborn_ms": {"<step>": N}}: the step then holds its thread N milliseconds more, deaf to interrupts,
 *       as a handler blocked in a call that cannot be interrupted would (a timeout cannot free its thread);</li>
 *   <li>{@code "results_padding": {"<step>": N}}: the step's results carry N more characters;</li>
 *   <li>{@code "failure_detail": {"<step>": "text"}}: the step's scripted failures end their message with the text
 *       (to try how an error reads where it is shown).</li>
 * </ul>
 * A step's inputs (given by an operator who retries it) override the context's keys for that step: retrying a step
 * scripted to fail with inputs {@code {"fail_permanently": []}} lets it succeed.
 */
final class StepScript {

    private final Map<String, Object> context;
    private final String step;

    StepScript(Map<String, Object> context, String step) {
        this.context = context;
        this.step = step;
    }

    /** How long the step works before it ends. */
    long sleepMillis() {
        return number("sleep_ms").longValue();
    }

    /** Holds the thread for the scripted {@code stubborn_ms}, whatever interrupts it; the interrupt is kept. */
    void holdIgnoringInterrupts() {
        long deadline = System.nanoTime() + Duration.ofMillis(number("stubborn_ms").longValue()).toNanos();
        boolean interrupted = false;
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            try {
                Thread.sleep(Duration.ofNanos(left).toMillis() + 1);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many characters of padding the step's results carry. */
    int resultsPadding() {
        return number("results_padding").intValue();
    }

    /**
     * Throws the failure scripted for this attempt, if any.
     *
     * @throws PermanentException when the step is scripted to fail permanently
     * @throws RetryableException when the attempt is one of the step's first {@code fail_times}
     */
    void failIfScripted(int attempt) {
        if (context.get("fail_permanently") instanceof List<?> doomed && doomed.contains(step)) {
            throw new PermanentException("scripted permanent failure of " + step + detail(), "SCRIPTED");
        }
        int failures = number("fail_times").intValue();
        if (attempt <= failures) {
            Number retryAfter = number("retry_after_ms");
            throw new RetryableException("scripted failure " + attempt + " of " + failures + " of " + step + detail(),
                    isScripted("retry_after_ms") ? Duration.ofMillis(retryAfter.longValue()) : null);
        }
    }

    private String detail() {
        return context.get("failure_detail") instanceof Map<?, ?> byStep && byStep.get(step) instanceof String text
                ? ": " + text : "";
    }

    private boolean isScripted(String key) {
        return context.get(key) instanceof Map<?, ?> byStep && byStep.get(step) instanceof Number;
    }

    // The step's number under key, 0 when not scripted.
    private Number number(String key) {
        return isScripted(key) ? (Number) ((Map<?, ?>) context.get(key)).get(step) : 0;
    }
}
