package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A node whose templates include an invalid one does not deploy, and says which file and step are at fault. */
@ExtendWith(TaskerStackExtension.class)
class TemplateRejectionIT {

    @TempDir
    Path templates;

    @Test
    void aCyclicTemplateStopsDeploymentNamingTheFileAndStep(RunningStack stack) throws Exception {
        Path file = templates.resolve("cyclic.yaml");
        Files.writeString(file, """
                name: cyclic
                namespace_name: broken
                step_templates:
                  - name: first
                    handler_class: io.tasker.examples.ExampleStepHandler
                    depends_on_step: second
                  - name: second
                    handler_class: io.tasker.examples.ExampleStepHandler
                    depends_on_step: first
                """);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> stack.startNode(
                "rejecting-node", Map.of("TASKER_TEMPLATES_DIR", templates.toString())));

        String report = refused.getMessage();
        assertTrue(report.contains("did not deploy"), report);
        assertTrue(report.contains("Invalid task template " + file), report);
        assertTrue(report.contains("(step 'first'): dependency cycle: first -> second -> first"), report);
        assertFalse(stack.client().get("/tasks/1").status() >= 500, "the running node is unaffected");
    }
}
