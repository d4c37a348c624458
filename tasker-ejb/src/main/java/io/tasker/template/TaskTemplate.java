package io.tasker.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A parsed and checked task template: the definition of a workflow, identified by namespace, name and version.
 *
 * @param source the file or resource it was read from, for messages
 * @param schema the JSON Schema a task's context must satisfy, or null for none
 * @param steps in declaration order; their dependencies form a DAG
 * @param identityStrategy how a repeated request is recognised
 * @param customEvents the events any of its handlers may publish (each step may declare more of its own)
 */
public record TaskTemplate(
        String source,
        String namespace,
        String name,
        SemanticVersion version,
        String description,
        Map<String, Object> schema,
        List<StepTemplate> steps,
        IdentityStrategy identityStrategy,
        List<CustomEventDefinition> customEvents) {

    public TaskTemplate {
        steps = List.copyOf(steps);
        customEvents = List.copyOf(customEvents);
    }

    /** Namespace, name and version: what identifies the template. */
    public TaskKey key() {
        return new TaskKey(namespace, name, version);
    }

    /** {@code namespace.name@version}, as the API shows it. */
    public String fullName() {
        return key().fullName();
    }

    public Optional<Map<String, Object>> contextSchema() {
        return Optional.ofNullable(schema);
    }

    public Optional<StepTemplate> step(String stepName) {
        return steps.stream().filter(step -> step.name().equals(stepName)).findFirst();
    }

    /** Every custom event it declares: its own, then its steps', in order. */
    public List<CustomEventDefinition> allCustomEvents() {
        return Stream.concat(customEvents.stream(), steps.stream().flatMap(step -> step.customEvents().stream()))
                .toList();
    }

    /** The custom event the handler of a step may publish under that name: the template's, or the step's own. */
    public Optional<CustomEventDefinition> customEvent(String stepName, String event) {
        return Stream.concat(customEvents.stream(), step(stepName).stream()
                        .flatMap(step -> step.customEvents().stream()))
                .filter(declared -> declared.name().equals(event))
                .findFirst();
    }
}
