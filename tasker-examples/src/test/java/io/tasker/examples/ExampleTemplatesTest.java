package io.tasker.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.registry.TemplateLoader;
import io.tasker.template.StepGraph;
import io.tasker.template.TaskTemplate;
import io.tasker.template.TemplateParser;
import io.tasker.template.TemplateSources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped templates parse with the engine's parser: the five example shapes of the original engine's test suite
 * and the four benchmark workloads.
 */
class ExampleTemplatesTest {

    private final Map<String, TaskTemplate> templates =
            new TemplateLoader(new TemplateParser("development", name -> Optional.empty()))
                    .load(TemplateSources.fromClasspath(getClass().getClassLoader(), TemplateSources.CLASSPATH_ROOT))
                    .stream().collect(Collectors.toMap(TaskTemplate::fullName, template -> template));

    @Test
    void shipsTheFiveShapes() {
        assertEquals(5, templates.keySet().stream().filter(name -> name.startsWith("examples.")).count(),
                templates.keySet().toString());
        assertShape(templates.get("examples.linear_workflow@1.0.0"), 6, List.of("initialize_data"));
        assertShape(templates.get("examples.diamond_workflow@1.0.0"), 7, List.of("start_workflow"));
        assertShape(templates.get("examples.parallel_merge_workflow@1.0.0"), 7,
                List.of("fetch_user_data", "fetch_order_data", "fetch_inventory_data", "fetch_pricing_data"));
        assertShape(templates.get("examples.tree_workflow@1.0.0"), 8, List.of("root_initialization"));
        assertShape(templates.get("examples.mixed_workflow@1.0.0"), 9, List.of("init_auth", "init_config"));
        templates.values().stream().filter(template -> template.namespace().equals("examples"))
                .forEach(template -> template.steps().forEach(step ->
                        assertEquals(ExampleStepHandler.class.getName(), step.handlerClass())));
    }

    @Test
    void shipsTheFourBenchmarkWorkloads() {
        assertEquals(4, templates.keySet().stream().filter(name -> name.startsWith("bench.")).count());
        assertShape(templates.get("bench.w1_linear@1.0.0"), 5, List.of("s1"));
        assertShape(templates.get("bench.w2_diamond@1.0.0"), 4, List.of("a"));
        assertShape(templates.get("bench.w3_fanout@1.0.0"), 10, List.of("a"));
        assertShape(templates.get("bench.w4_retry@1.0.0"), 3, List.of("s1"));
        templates.values().stream().filter(template -> template.namespace().equals("bench"))
                .forEach(template -> template.steps().forEach(step ->
                        assertEquals(BenchStepHandler.class.getName(), step.handlerClass())));
    }

    private static void assertShape(TaskTemplate template, int steps, List<String> roots) {
        assertEquals(steps, template.steps().size(), template.fullName());
        assertEquals(roots, StepGraph.of(template.source(), template.steps()).roots(), template.fullName());
    }
}
