package io.tasker.test;

import io.tasker.api.StepHandler;
import io.tasker.errors.FieldError;
import io.tasker.json.JsonDocuments;
import io.tasker.registry.ContextSchema;
import io.tasker.task.BypassedSteps;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import io.tasker.template.TemplateParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A workflow under test: its template, the handlers of its steps, and a task of it run in-process under the
 * engine's rules, with no server, database or broker.
 *
 * <pre>{@code
 * TaskRun run = TestTask.fromResource("META-INF/tasker/tasks/orders/process_order.yaml")
 *         .withHandler("charge_card", context -> { throw new RetryableException("gateway busy"); })
 *         .run(Map.of("order_id", 42));
 * assertEquals(TaskState.ERROR, run.state());
 * assertEquals(3, run.step("charge_card").attempts());
 * }</pre>
 *
 * <p>A task runs as the engine runs it: the ready steps are claimed, run and recorded pass after pass; a failure is
 * retried after the engine's back-off (or the wait the handler asked for) until the step's retry limit, a
 * {@link io.tasker.api.PermanentException} ends it, an attempt longer than the step's timeout is abandoned, and the
 * task ends complete or in error with the engine's transitions. The waits for retries pass on a virtual clock, so a
 * run takes as long as its handlers do. Steps run one at a time; every failure counts against the step's retry
 * limit (the engine gives back an attempt that failed because its database did); an operator's actions and lost
 * nodes are not simulated.
 *
 * <p>A step runs the handler bound to it with {@link #withHandler}, or else an instance of its template's
 * {@code handler_class} made with the class's public no-argument constructor (a handler that needs injected
 * collaborators is bound by hand). Instances are immutable: each {@code with...} returns a new one.
 */
public final class TestTask {

    private final String source;
    private final String yaml;
    private final Map<String, StepHandler> handlers;
    private final Set<String> bypassed;
    private final EngineSettings settings;
    private final Map<String, String> placeholders;
    private final long seed;
    private TaskTemplate template;

    private TestTask(String source, String yaml, Map<String, StepHandler> handlers, Set<String> bypassed,
                     EngineSettings settings, Map<String, String> placeholders, long seed) {
        this.source = source;
        this.yaml = yaml;
        this.handlers = Map.copyOf(handlers);
        this.bypassed = Set.copyOf(bypassed);
        this.settings = settings;
        this.placeholders = Map.copyOf(placeholders);
        this.seed = seed;
    }

    /**
     * The template at a class-path resource, such as {@code META-INF/tasker/tasks/<namespace>/<name>.yaml}.
     *
     * @throws io.tasker.template.TemplateException naming the resource (and step) when the server would refuse it
     */
    public static TestTask fromResource(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " on the class path");
            }
            return checked(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The template in a file.
     *
     * @throws io.tasker.template.TemplateException naming the file (and step) when the server would refuse it
     */
    public static TestTask fromFile(Path file) {
        try {
            return checked(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static TestTask checked(String source, String yaml) {
        TestTask task = new TestTask(source, yaml, Map.of(), Set.of(), EngineSettings.defaults(), Map.of(), 0);
        ContextSchema.of(task.template());
        return task;
    }

    /** The template, parsed and checked as the server does, placeholders expanded. */
    public TaskTemplate template() {
        // Parsed once per instance: an instance never changes, and each with... makes a new one.
        if (template == null) {
            template = new TemplateParser(settings.environment(), this::placeholder).parse(source, yaml);
        }
        return template;
    }

    /** Runs the step with this handler (a stub, or a handler built with test collaborators). */
    public TestTask withHandler(String step, StepHandler handler) {
        requireStep(step);
        Map<String, StepHandler> bound = new LinkedHashMap<>(handlers);
        bound.put(step, handler);
        return new TestTask(source, yaml, bound, bypassed, settings, placeholders, seed);
    }

    /** Bypasses the steps, as a request's {@code bypass_steps} does: they start resolved, and never run. */
    public TestTask bypassing(String... steps) {
        Set<String> all = new LinkedHashSet<>(bypassed);
        all.addAll(Arrays.asList(steps));
        return new TestTask(source, yaml, handlers, all, settings, placeholders, seed);
    }

    /**
     * Changes one of the engine's settings for this run, such as {@code tasker.backoff.jitter-enabled=false} (for
     * exact waits), {@code tasker.backoff.default-backoff-seconds}, {@code tasker.step.timeout-seconds} or
     * {@code tasker.environment}.
     *
     * @throws IllegalArgumentException when the engine has no such setting
     */
    public TestTask withSetting(String key, String value) {
        return new TestTask(source, yaml, handlers, bypassed, settings.with(key, value), placeholders, seed);
    }

    /** Gives a {@code ${NAME}} placeholder of the template its value (otherwise system properties, then environment). */
    public TestTask withPlaceholder(String name, String value) {
        Map<String, String> values = new LinkedHashMap<>(placeholders);
        values.put(name, value);
        return new TestTask(source, yaml, handlers, bypassed, settings, values, seed);
    }

    /** Seeds the jitter of the back-off (runs with the same seed wait the same); 0 unless set. */
    public TestTask withJitterSeed(long jitterSeed) {
        return new TestTask(source, yaml, handlers, bypassed, settings, placeholders, jitterSeed);
    }

    /**
     * Creates a task with this context and runs it to its end.
     *
     * @param context the task's context: JSON values; checked against the template's schema as the server checks it
     * @throws IllegalArgumentException when the server would refuse the task: the context breaks the schema, a
     *     bypassed step is unknown or not skippable
     * @throws IllegalStateException when a step has no handler: none bound and its class cannot be made
     */
    public TaskRun run(Map<String, ?> context) {
        TaskTemplate template = template();
        Map<String, Object> stored = JsonDocuments.readObject(JsonDocuments.writeChecked(context,
                "the task's context"));
        List<FieldError> problems = new ArrayList<>(ContextSchema.of(template)
                .map(schema -> schema.violations(stored))
                .orElse(List.of()));
        problems.addAll(BypassedSteps.problems(template, List.copyOf(bypassed)));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the server would refuse this task: " + problems.stream()
                    .map(problem -> problem.field() + ": " + problem.message())
                    .collect(Collectors.joining("; ")));
        }
        Map<String, StepHandler> resolved = new LinkedHashMap<>();
        template.steps().stream()
                .filter(step -> !bypassed.contains(step.name()))
                .forEach(step -> resolved.put(step.name(), handlers.containsKey(step.name())
                        ? handlers.get(step.name()) : instantiate(step)));
        return new TaskSimulation(template, resolved, stored, bypassed, settings, seed).run();
    }

    private void requireStep(String step) {
        if (template().step(step).isEmpty()) {
            throw new IllegalArgumentException(source + " has no step '" + step + "'; its steps are "
                    + template().steps().stream().map(StepTemplate::name).toList());
        }
    }

    private Optional<String> placeholder(String name) {
        return Optional.ofNullable(placeholders.get(name))
                .or(() -> settings.value(name))
                .or(() -> Optional.ofNullable(System.getProperty(name)))
                .or(() -> Optional.ofNullable(System.getenv(name)));
    }

    private static StepHandler instantiate(StepTemplate step) {
        try {
            Class<?> type = Class.forName(step.handlerClass(), true, Thread.currentThread().getContextClassLoader());
            if (!StepHandler.class.isAssignableFrom(type)) {
                throw new IllegalStateException("step " + step.name() + ": " + step.handlerClass()
                        + " is not a StepHandler");
            }
            return (StepHandler) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("step " + step.name() + ": its handler class " + step.handlerClass()
                    + " is not on the class path; bind a handler with withHandler(\"" + step.name() + "\", ...)", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException("step " + step.name() + ": " + step.handlerClass() + " cannot be made"
                    + " without the container (it needs a public constructor without arguments); bind a handler"
                    + " with withHandler(\"" + step.name() + "\", ...)", e);
        }
    }
}
