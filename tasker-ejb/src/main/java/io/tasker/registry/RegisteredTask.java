package io.tasker.registry;

import io.tasker.api.StepHandler;
import io.tasker.errors.FieldError;
import io.tasker.json.JsonDocuments;
import io.tasker.template.TaskKey;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task template ready to run: its checked template, the handler of each step, its context schema, its custom
 * events' payload schemas, and the ids of its definitions in the database (named task, named step of each step).
 */
public final class RegisteredTask {

    private final TaskTemplate template;
    private final Map<String, StepHandler> handlers;
    private final ContextSchema contextSchema;
    private final EventPayloads eventPayloads;
    private final int namedTaskId;
    private final String stepPlan;

    public RegisteredTask(TaskTemplate template, Map<String, StepHandler> handlers, ContextSchema contextSchema,
                          int namedTaskId, Map<String, Integer> namedStepIds) {
        for (StepTemplate step : template.steps()) {
            if (!handlers.containsKey(step.name()) || !namedStepIds.containsKey(step.name())) {
                throw new IllegalArgumentException(template.fullName() + ": step " + step.name()
                        + " needs a handler and a named step id");
            }
        }
        this.template = template;
        this.handlers = Map.copyOf(handlers);
        this.contextSchema = contextSchema;
        this.eventPayloads = EventPayloads.of(template);
        this.namedTaskId = namedTaskId;
        this.stepPlan = JsonDocuments.write(template.steps().stream()
                .map(step -> planOf(step, namedStepIds.get(step.name())))
                .toList());
    }

    public TaskKey key() {
        return template.key();
    }

    public TaskTemplate template() {
        return template;
    }

    public int namedTaskId() {
        return namedTaskId;
    }

    /**
     * The steps a new task of this template gets, as the JSON array {@code tasker_create_task} reads: each step's
     * name, named step id, retry settings and the names of the steps it depends on, in template order.
     */
    public String stepPlan() {
        return stepPlan;
    }

    /** The custom events its handlers may publish, with their payload schemas. */
    public EventPayloads eventPayloads() {
        return eventPayloads;
    }

    /** The handler of the named step, if the template has that step. */
    public Optional<StepHandler> handler(String stepName) {
        return Optional.ofNullable(handlers.get(stepName));
    }

    /** How the context breaks the template's schema; empty when it is valid or the template has no schema. */
    public List<FieldError> contextViolations(Map<String, Object> context) {
        return contextSchema == null ? List.of() : contextSchema.violations(context);
    }

    private static Map<String, Object> planOf(StepTemplate step, int namedStepId) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", step.name());
        plan.put("named_step_id", namedStepId);
        plan.put("retryable", step.retryable());
        plan.put("retry_limit", step.retryLimit());
        plan.put("skippable", step.skippable());
        plan.put("depends_on", step.dependsOn());
        return plan;
    }
}
