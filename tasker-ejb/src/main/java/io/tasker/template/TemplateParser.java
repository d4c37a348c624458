package io.tasker.template;

import io.tasker.json.JsonDocuments;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a task template from YAML: safe loading (plain data only, duplicate keys rejected), the
 * {@code environments.<env>} overrides merged in (steps by name, maps deeply), placeholders expanded, every key
 * and type checked, and the steps checked as a DAG. Unknown keys are errors, so a typo cannot silently change a
 * workflow.
 */
public final class TemplateParser {

    public static final String DEFAULT_NAMESPACE = "default";
    public static final String DEFAULT_DEPENDENT_SYSTEM = "unknown";
    static final int DEFAULT_RETRY_LIMIT = 3;

    private static final Set<String> TEMPLATE_KEYS = Set.of("name", "namespace_name", "version", "description",
            "schema", "default_dependent_system", "named_steps", "step_templates", "environments", "identity_strategy",
            "custom_events");
    private static final Set<String> STEP_KEYS = Set.of("name", "description", "handler_class", "depends_on_step",
            "depends_on_steps", "default_retryable", "default_retry_limit", "skippable", "handler_config",
            "dependent_system", "timeout_seconds", "custom_events");
    private static final Set<String> EVENT_KEYS = Set.of("name", "description", "payload_schema");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private final String environment;
    private final Placeholders placeholders;

    /**
     * @param environment which {@code environments.<env>} section applies
     * @param lookup the values of {@code ${NAME}} placeholders
     */
    public TemplateParser(String environment, Function<String, Optional<String>> lookup) {
        this.environment = environment;
        this.placeholders = new Placeholders(lookup);
    }

    /**
     * Parses and checks one template.
     *
     * @param source where the text came from, used in every message
     * @throws TemplateException naming the source (and step) when the template breaks a rule
     */
    public TaskTemplate parse(String source, String yaml) {
        Map<String, Object> document = withEnvironment(source, mapping(source, null, load(source, yaml), "the template"));
        try {
            document = castMap(placeholders.expand(document, "template"));
        } catch (IllegalArgumentException e) {
            throw new TemplateException(source, e.getMessage());
        }
        Fields template = new Fields(source, null, document, TEMPLATE_KEYS);

        String name = template.identifier("name", 64);
        String namespace = template.has("namespace_name") ? template.identifier("namespace_name", 64) : DEFAULT_NAMESPACE;
        SemanticVersion version = template.version("version");
        String defaultSystem = template.has("default_dependent_system")
                ? template.identifier("default_dependent_system", 64) : DEFAULT_DEPENDENT_SYSTEM;

        List<StepTemplate> steps = new ArrayList<>();
        for (Map<String, Object> stepNode : template.mappings("step_templates", true)) {
            steps.add(step(source, stepNode, defaultSystem));
        }
        if (steps.isEmpty()) {
            throw new TemplateException(source, "step_templates must list at least one step");
        }
        if (template.has("named_steps")) {
            checkNamedSteps(source, template.strings("named_steps"), steps);
        }
        StepGraph.of(source, steps);

        IdentityStrategy identity;
        try {
            identity = IdentityStrategy.of(template.text("identity_strategy", 16, "default"));
        } catch (IllegalArgumentException e) {
            throw template.error(e.getMessage());
        }
        TaskTemplate parsed = new TaskTemplate(source, namespace, name, version,
                template.text("description", 255, null), template.jsonObject("schema"), steps, identity,
                events(source, null, template));
        Set<String> eventNames = new HashSet<>();
        for (CustomEventDefinition event : parsed.allCustomEvents()) {
            if (!eventNames.add(event.name())) {
                throw new TemplateException(source, "custom event '" + event.name() + "' is declared twice");
            }
        }
        return parsed;
    }

    private StepTemplate step(String source, Map<String, Object> node, String defaultSystem) {
        Object rawName = node.get("name");
        String stepName = rawName instanceof String text ? text : null;
        Fields step = new Fields(source, stepName, node, STEP_KEYS);
        String name = step.identifier("name", 128);
        String handlerClass = step.text("handler_class", 255, null);
        if (handlerClass == null || !CLASS_NAME.matcher(handlerClass).matches()) {
            throw step.error("handler_class must be the fully qualified name of a StepHandler class, got "
                    + (handlerClass == null ? "nothing" : "'" + handlerClass + "'"));
        }
        Set<String> dependsOn = new LinkedHashSet<>();
        if (step.has("depends_on_step")) {
            dependsOn.add(step.identifier("depends_on_step", 128));
        }
        dependsOn.addAll(step.strings("depends_on_steps"));
        return new StepTemplate(
                name,
                step.text("description", 255, name),
                handlerClass,
                List.copyOf(dependsOn),
                step.bool("default_retryable", true),
                step.positiveInt("default_retry_limit", DEFAULT_RETRY_LIMIT),
                step.bool("skippable", false),
                Optional.ofNullable(step.jsonObject("handler_config")).orElse(Map.of()),
                step.has("dependent_system") ? step.identifier("dependent_system", 64) : defaultSystem,
                step.positiveSeconds("timeout_seconds"),
                events(source, name, step));
    }

    private List<CustomEventDefinition> events(String source, String stepName, Fields owner) {
        List<CustomEventDefinition> events = new ArrayList<>();
        for (Map<String, Object> node : owner.mappings("custom_events", false)) {
            Fields event = new Fields(source, stepName, node, EVENT_KEYS);
            String eventName = event.text("name", 128, null);
            if (eventName == null) {
                throw event.error("each entry of custom_events needs a name");
            }
            if (!CustomEventDefinition.NAME.matcher(eventName).matches()) {
                throw event.error("custom event '" + eventName + "': a name is " + CustomEventDefinition.NAME_RULE);
            }
            events.add(new CustomEventDefinition(eventName, event.text("description", 255, null),
                    Optional.ofNullable(event.jsonObject("payload_schema"))));
        }
        return events;
    }

    private static void checkNamedSteps(String source, List<String> namedSteps, List<StepTemplate> steps) {
        for (StepTemplate step : steps) {
            if (!namedSteps.contains(step.name())) {
                throw new TemplateException(source, step.name(), "step template name is not in the named_steps list");
            }
            for (String dependency : step.dependsOn()) {
                if (!namedSteps.contains(dependency)) {
                    throw new TemplateException(source, step.name(),
                            "dependency step '" + dependency + "' is not in the named_steps list");
                }
            }
        }
    }

    private static Object load(String source, String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new TemplateException(source, "not valid YAML: " + e.getMessage());
        }
    }

    // environments.<env> overrides: step_templates merge into the base steps by name, other keys merge deeply.
    private Map<String, Object> withEnvironment(String source, Map<String, Object> document) {
        Map<String, Object> merged = new LinkedHashMap<>(document);
        Object environments = merged.remove("environments");
        if (environments == null) {
            return merged;
        }
        Object override = mapping(source, null, environments, "environments").get(environment);
        if (override == null) {
            return merged;
        }
        Map<String, Object> overrides = mapping(source, null, override, "environments." + environment);
        for (Map.Entry<String, Object> entry : overrides.entrySet()) {
            if (entry.getKey().equals("step_templates")) {
                merged.put("step_templates", mergeSteps(source, merged.get("step_templates"), entry.getValue()));
            } else {
                merged.put(entry.getKey(), deepMerge(merged.get(entry.getKey()), entry.getValue()));
            }
        }
        return merged;
    }

    private List<Object> mergeSteps(String source, Object base, Object overrides) {
        if (!(base instanceof List<?> baseSteps) || !(overrides instanceof List<?> overrideSteps)) {
            throw new TemplateException(source, "step_templates and environments." + environment
                    + ".step_templates must both be lists");
        }
        List<Object> merged = new ArrayList<>(baseSteps);
        for (Object override : overrideSteps) {
            Map<String, Object> overrideStep = mapping(source, null, override,
                    "a step of environments." + environment + ".step_templates");
            Object name = overrideStep.get("name");
            int index = indexOfStep(merged, name);
            if (index < 0) {
                throw new TemplateException(source, String.valueOf(name), "environments." + environment
                        + " overrides a step that the template does not define");
            }
            merged.set(index, deepMerge(merged.get(index), overrideStep));
        }
        return merged;
    }

    private static int indexOfStep(List<Object> steps, Object name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Map<?, ?> step && name != null && name.equals(step.get("name"))) {
                return i;
            }
        }
        return -1;
    }

    private static Object deepMerge(Object base, Object override) {
        if (base instanceof Map<?, ?> baseMap && override instanceof Map<?, ?> overrideMap) {
            Map<Object, Object> merged = new LinkedHashMap<>(baseMap);
            overrideMap.forEach((key, value) -> merged.put(key, deepMerge(merged.get(key), value)));
            return merged;
        }
        return override;
    }

    private static Map<String, Object> mapping(String source, String step, Object node, String what) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new TemplateException(source, step, what + " must be a mapping");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new TemplateException(source, step, what + " has a key that is not a string: " + key);
            }
        }
        return castMap(map);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }

    /** Typed access to the keys of one mapping, with messages that name the template, step and key. */
    private static final class Fields {
        private final String source;
        private final String step;
        private final Map<String, Object> values;

        Fields(String source, String step, Map<String, Object> values, Set<String> allowedKeys) {
            this.source = source;
            this.step = step;
            this.values = values;
            for (String key : values.keySet()) {
                if (!allowedKeys.contains(key)) {
                    throw error("unknown key '" + key + "' (allowed: " + String.join(", ", new TreeSet<>(allowedKeys)) + ")");
                }
            }
        }

        boolean has(String key) {
            return values.get(key) != null;
        }

        TemplateException error(String problem) {
            return new TemplateException(source, step, problem);
        }

        String text(String key, int maxLength, String fallback) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof String text) || text.isBlank()) {
                throw error(key + " must be a non-empty string");
            }
            if (text.length() > maxLength) {
                throw error(key + " must be at most " + maxLength + " characters");
            }
            return text;
        }

        String identifier(String key, int maxLength) {
            String text = text(key, maxLength, null);
            if (text == null) {
                throw error(key + " is required");
            }
            if (!IDENTIFIER.matcher(text).matches()) {
                throw error(key + " '" + text + "' may only contain letters, digits, '_' and '-'");
            }
            return text;
        }

        SemanticVersion version(String key) {
            Object value = values.get(key);
            if (value == null) {
                return SemanticVersion.DEFAULT;
            }
            if (!(value instanceof String text)) {
                throw error(key + " must be a string such as \"1.0.0\" (quote it in YAML), got " + value);
            }
            try {
                return SemanticVersion.parse(text);
            } catch (IllegalArgumentException e) {
                throw error(key + ": " + e.getMessage());
            }
        }

        boolean bool(String key, boolean fallback) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Boolean flag)) {
                throw error(key + " must be true or false, got " + value);
            }
            return flag;
        }

        int positiveInt(String key, int fallback) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Integer number) || number < 1) {
                throw error(key + " must be a whole number of at least 1, got " + value);
            }
            return number;
        }

        // A positive number of seconds, at most millisecond precision; null when absent.
        Duration positiveSeconds(String key) {
            Object value = values.get(key);
            if (value == null) {
                return null;
            }
            try {
                if (value instanceof Number number) {
                    long millis = new BigDecimal(number.toString()).movePointRight(3).longValueExact();
                    if (millis > 0) {
                        return Duration.ofMillis(millis);
                    }
                }
            } catch (ArithmeticException e) {
                // Falls through to the error below.
            }
            throw error(key + " must be a positive number of seconds (at most millisecond precision), got " + value);
        }

        List<String> strings(String key) {
            Object value = values.get(key);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                throw error(key + " must be a list of names");
            }
            List<String> names = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String name) || !IDENTIFIER.matcher(name).matches()) {
                    throw error(key + " must list step names (letters, digits, '_' and '-'), got " + item);
                }
                names.add(name);
            }
            return names;
        }

        List<Map<String, Object>> mappings(String key, boolean required) {
            Object value = values.get(key);
            if (value == null) {
                if (required) {
                    throw error(key + " is required");
                }
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                throw error(key + " must be a list");
            }
            List<Map<String, Object>> mappings = new ArrayList<>();
            for (Object item : list) {
                mappings.add(mapping(source, step, item, "each entry of " + key));
            }
            return mappings;
        }

        // Maps handed to handlers or validators are normalised through JSON, so they hold what a JSON document
        // can: nested maps, lists, strings, BigDecimal numbers, booleans and nulls.
        Map<String, Object> jsonObject(String key) {
            Object value = values.get(key);
            if (value == null) {
                return null;
            }
            mapping(source, step, value, key);
            try {
                return JsonDocuments.readObject(JsonDocuments.write(value));
            } catch (RuntimeException e) {
                throw error(key + " cannot be represented as JSON: " + e.getMessage());
            }
        }
    }
}
