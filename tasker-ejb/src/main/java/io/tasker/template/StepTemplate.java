package io.tasker.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One step of a task template.
 *
 * @param name unique within the template
 * @param handlerClass fully qualified name of the {@link io.tasker.api.StepHandler} CDI bean that runs it
 * @param dependsOn the steps that must be complete (or resolved) before this one runs: the union of
 *     {@code depends_on_step} and {@code depends_on_steps}, in declaration order, without duplicates
 * @param retryable whether a failed attempt may be retried
 * @param retryLimit how many attempts the step gets in all (3 means the first run and two retries)
 * @param skippable whether a request may bypass the step
 * @param handlerConfig configuration handed to the handler, placeholders expanded
 * @param dependentSystem the external system the step talks to
 * @param timeout how long an attempt may run before it is abandoned; null for the configured default
 */
public record StepTemplate(
        String name,
        String description,
        String handlerClass,
        List<String> dependsOn,
        boolean retryable,
        int retryLimit,
        boolean skippable,
        Map<String, Object> handlerConfig,
        String dependentSystem,
        Duration timeout,
        List<CustomEventDefinition> customEvents) {

    public StepTemplate {
        dependsOn = List.copyOf(dependsOn);
        handlerConfig = Map.copyOf(handlerConfig);
        customEvents = List.copyOf(customEvents);
    }
}
