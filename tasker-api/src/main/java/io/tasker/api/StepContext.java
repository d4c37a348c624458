package io.tasker.api;

import java.util.Map;
import java.util.Optional;

/**
 * What a {@link StepHandler} knows about the step it runs. All maps are read-only views of JSON data: nested
 * objects are {@code Map<String, Object>}, arrays are {@code List<Object>}, numbers are {@link java.math.BigDecimal}.
 */
public interface StepContext {

    /** Id of the task this step belongs to. */
    long taskId();

    /** Namespace of the task's template, for example {@code examples}. */
    String namespace();

    /** Name of the task's template, for example {@code diamond_workflow}. */
    String taskName();

    /** Semantic version of the task's template, for example {@code 1.0.0}. */
    String version();

    /** Id of this step instance. */
    long stepId();

    /** Name of this step in its template. */
    String stepName();

    /** Which attempt this is: 1 for the first run, 2 for the first retry, and so on. */
    int attempt();

    /** The context the task was created with. */
    Map<String, Object> taskContext();

    /** The {@code handler_config} of this step's template, with placeholders already expanded. */
    Map<String, Object> handlerConfig();

    /**
     * This step's inputs: empty unless an operator who retried the step gave new ones (for example a corrected
     * value the task's context got wrong). Engines that predate inputs give none.
     */
    default Map<String, Object> inputs() {
        return Map.of();
    }

    /** Results of the steps this step depends on, by step name. */
    Map<String, Map<String, Object>> parentResults();

    /** Results of the named parent step, if this step depends on it. */
    default Optional<Map<String, Object>> parentResult(String stepName) {
        return Optional.ofNullable(parentResults().get(stepName));
    }

    /**
     * Publishes a custom event that the task's template (or this step's template) declares under
     * {@code custom_events}, with a payload that satisfies its {@code payload_schema}. It is written in this
     * attempt's transaction: subscribers receive it (as {@code TaskerEvent} with the payload as its data) once the
     * attempt completes, and never if the attempt fails. Call it from the handler's own thread.
     *
     * @throws io.tasker.api.events.EventRejectedException when the event is not declared for this step, naming the
     *     events that are, or when the payload breaks the schema, naming each field at its pointer under
     *     {@code /payload}: a permanent failure of the attempt, unless the handler catches it
     * @throws UnsupportedOperationException from a context that cannot publish
     */
    default void publish(String event, Map<String, Object> payload) {
        throw new UnsupportedOperationException("this step context cannot publish events");
    }
}
