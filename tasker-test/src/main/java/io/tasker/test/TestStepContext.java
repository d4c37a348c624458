package io.tasker.test;

import io.tasker.api.StepContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link StepContext} for the unit test of one handler: the step's name, then only what the test cares about.
 * Values arrive as the engine hands them over, JSON as plain Java: numbers become {@link BigDecimal}, objects
 * {@code Map}s, arrays {@code List}s; a value JSON cannot carry (a date, an enum) is refused at once, naming where
 * it is.
 *
 * <pre>{@code
 * StepContext step = TestStepContext.of("charge")
 *         .withTaskContext(Map.of("cart_id", 7))
 *         .withParentResult("validate", Map.of("total", 12.5))
 *         .withAttempt(2);
 * Map<String, Object> results = new Charge().handle(step);
 * }</pre>
 *
 * Each {@code with} method returns a new context; the defaults are task 1 {@code default/test_task} version
 * {@code 0.1.0}, step 1, attempt 1, and empty maps. The custom events the handler publishes are kept, in order, in
 * {@link #published()}; this context knows no template, so it checks only that each payload is JSON (a
 * {@code TestTask} also checks them against the template's declarations, as the engine does).
 */
public final class TestStepContext implements StepContext {

    /** A custom event the handler published, with its payload as the engine would hand it on. */
    public record Publication(String event, Map<String, Object> payload) {
    }

    /** What the engine checks of a publication: declared for the step, payload within its schema. */
    @FunctionalInterface
    interface EventCheck {
        void check(String step, String event, Map<String, Object> payload);
    }

    private final List<Publication> published = new ArrayList<>();
    // Set by the TestTask that hands this context to a handler; otherwise any event passes.
    private EventCheck eventCheck = (step, event, payload) -> { };

    private final long taskId;
    private final String namespace;
    private final String taskName;
    private final String version;
    private final long stepId;
    private final String stepName;
    private final int attempt;
    private final Map<String, Object> taskContext;
    private final Map<String, Object> handlerConfig;
    private final Map<String, Object> inputs;
    private final Map<String, Map<String, Object>> parentResults;

    private TestStepContext(long taskId, String namespace, String taskName, String version, long stepId,
                            String stepName, int attempt, Map<String, Object> taskContext,
                            Map<String, Object> handlerConfig, Map<String, Object> inputs,
                            Map<String, Map<String, Object>> parentResults) {
        this.taskId = taskId;
        this.namespace = namespace;
        this.taskName = taskName;
        this.version = version;
        this.stepId = stepId;
        this.stepName = stepName;
        this.attempt = attempt;
        this.taskContext = taskContext;
        this.handlerConfig = handlerConfig;
        this.inputs = inputs;
        this.parentResults = parentResults;
    }

    /** The first attempt of the named step, with the defaults. */
    public static TestStepContext of(String stepName) {
        return new TestStepContext(1, "default", "test_task", "0.1.0", 1, requireText(stepName, "stepName"), 1,
                Map.of(), Map.of(), Map.of(), Map.of());
    }

    public TestStepContext withTask(String namespace, String taskName, String version) {
        return new TestStepContext(taskId, requireText(namespace, "namespace"), requireText(taskName, "taskName"),
                requireText(version, "version"), stepId, stepName, attempt, taskContext, handlerConfig, inputs,
                parentResults);
    }

    public TestStepContext withIds(long taskId, long stepId) {
        return new TestStepContext(taskId, namespace, taskName, version, stepId, stepName, attempt, taskContext,
                handlerConfig, inputs, parentResults);
    }

    /** The attempt number: 1 for the first run, 2 for the first retry. */
    public TestStepContext withAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, got " + attempt);
        }
        return new TestStepContext(taskId, namespace, taskName, version, stepId, stepName, attempt, taskContext,
                handlerConfig, inputs, parentResults);
    }

    public TestStepContext withTaskContext(Map<String, ?> taskContext) {
        return new TestStepContext(taskId, namespace, taskName, version, stepId, stepName, attempt,
                asJson(taskContext, "taskContext"), handlerConfig, inputs, parentResults);
    }

    /** The step's {@code handler_config}, as the template gives it (with {@code ${NAME}} already expanded). */
    public TestStepContext withHandlerConfig(Map<String, ?> handlerConfig) {
        return new TestStepContext(taskId, namespace, taskName, version, stepId, stepName, attempt, taskContext,
                asJson(handlerConfig, "handlerConfig"), inputs, parentResults);
    }

    /** The inputs an operator gave when retrying the step. */
    public TestStepContext withInputs(Map<String, ?> inputs) {
        return new TestStepContext(taskId, namespace, taskName, version, stepId, stepName, attempt, taskContext,
                handlerConfig, asJson(inputs, "inputs"), parentResults);
    }

    /** Adds the results of a step this one depends on. */
    public TestStepContext withParentResult(String parentStep, Map<String, ?> results) {
        Map<String, Map<String, Object>> parents = new LinkedHashMap<>(parentResults);
        parents.put(requireText(parentStep, "parentStep"), asJson(results, "parentResults." + parentStep));
        return new TestStepContext(taskId, namespace, taskName, version, stepId, stepName, attempt, taskContext,
                handlerConfig, inputs, parents);
    }

    @Override
    public long taskId() {
        return taskId;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public String taskName() {
        return taskName;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public long stepId() {
        return stepId;
    }

    @Override
    public String stepName() {
        return stepName;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Map<String, Object> taskContext() {
        return taskContext;
    }

    @Override
    public Map<String, Object> handlerConfig() {
        return handlerConfig;
    }

    @Override
    public Map<String, Object> inputs() {
        return inputs;
    }

    @Override
    public Map<String, Map<String, Object>> parentResults() {
        return parentResults;
    }

    @Override
    public void publish(String event, Map<String, Object> payload) {
        Map<String, Object> json = asJson(payload, "the payload of " + event);
        eventCheck.check(stepName, requireText(event, "event"), json);
        published.add(new Publication(event, Collections.unmodifiableMap(json)));
    }

    /** The custom events the handler published through this context, in order. */
    public List<Publication> published() {
        return List.copyOf(published);
    }

    void checkEvents(EventCheck check) {
        this.eventCheck = check;
    }

    @Override
    public String toString() {
        return "TestStepContext[" + namespace + "/" + taskName + " " + version + " step " + stepName + " attempt "
                + attempt + "]";
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    // A JSON object as the engine hands it over; where says which map it is, for the error.
    private static Map<String, Object> asJson(Map<String, ?> object, String where) {
        if (object == null) {
            throw new IllegalArgumentException(where + " must not be null (use an empty map)");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        object.forEach((key, value) -> json.put(key, asJsonValue(value, where + "." + key)));
        return json;
    }

    private static Object asJsonValue(Object value, String where) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException(where + " is " + value + ", which JSON cannot carry");
            }
            return new BigDecimal(value.toString());
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> json = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException(where + " has a key that is not a string: " + key);
                }
                json.put(name, asJsonValue(item, where + "." + name));
            });
            return json;
        }
        if (value instanceof List<?> list) {
            List<Object> json = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                json.add(asJsonValue(list.get(i), where + "[" + i + "]"));
            }
            return json;
        }
        throw new IllegalArgumentException(where + " is a " + value.getClass().getName()
                + ", which JSON cannot carry: the engine would hand the handler a string, a number, a boolean,"
                + " a map, a list or null");
    }
}
