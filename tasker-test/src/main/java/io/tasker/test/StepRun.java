package io.tasker.test;

import io.tasker.step.StepState;
import java.util.List;
import java.util.Map;

/**
 * Where one step of a task under test ended.
 *
 * @param attempts how many attempts it was given
 * @param results what its handler returned, as JSON values (numbers are {@link java.math.BigDecimal}s); for a step
 *     in error, with the failure of its last attempt: {@code error}, {@code error_class}, {@code error_code},
 *     {@code backtrace}
 * @param published the custom events its completed attempt published (a failed attempt's are discarded, as the
 *     engine rolls them back)
 */
public record StepRun(String name, StepState state, int attempts, Map<String, Object> results,
                      List<TestStepContext.Publication> published) {
}
