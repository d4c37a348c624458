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

/** The shipped templates parse with the engine's parser and have the shapes of reference §15.1. */
class ExampleTemplatesTest {

    @Test
    void shipsTheFiveShapes() {
        Map<String, TaskTemplate> templates = new TemplateLoader(new TemplateParser("development", name -> Optional.empty()))
                .load(TemplateSources.fromClasspath(getClass().getClassLoader(), TemplateSources.CLASSPATH_ROOT))
                .stream().collect(Collectors.toMap(TaskTemplate::fullName, template -> template));

        assertEquals(5, templates.size(), templates.keySet().toString());
        assertShape(templates.get("examples.linear_workflow@1.0.0"), 6, List.of("initialize_data"));
        assertShape(templates.get("examples.diamond_workflow@1.0.0"), 7, List.of("start_workflow"));
        assertShape(templates.get("examples.parallel_merge_workflow@1.0.0"), 7,
                List.of("fetch_user_data", "fetch_order_data", "fetch_inventory_data", "fetch_pricing_data"));
        assertShape(templates.get("examples.tree_workflow@1.0.0"), 8, List.of("root_initialization"));
        assertShape(templates.get("examples.mixed_workflow@1.0.0"), 9, List.of("init_auth", "init_config"));
        templates.values().forEach(template -> template.steps().forEach(step ->
                assertEquals(ExampleStepHandler.class.getName(), step.handlerClass())));
    }

    private static void assertShape(TaskTemplate template, int steps, List<String> roots) {
        assertEquals(steps, template.steps().size(), template.fullName());
        assertEquals(roots, StepGraph.of(template.source(), template.steps()).roots(), template.fullName());
    }
}
