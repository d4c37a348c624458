package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowProjectTest {

    @TempDir
    Path directory;

    @Test
    void writesTheTemplateAHandlerPerStepAndATest() throws IOException {
        Path project = new WorkflowProject("shop/ship_order", List.of("validate", "pack-box", "ship"), "com.acme",
                null).writeInto(directory);

        assertEquals(directory.resolve("ship-order"), project);
        String template = Files.readString(project.resolve(
                "src/main/resources/META-INF/tasker/tasks/shop/ship_order.yaml"));
        assertTrue(template.contains("""
                name: ship_order
                namespace_name: shop
                """), template);
        assertTrue(template.contains("""
                  - name: pack-box
                    handler_class: com.acme.shop.ship_order.PackBoxHandler
                    depends_on_step: validate
                """), template);
        Path sources = project.resolve("src/main/java/com/acme/shop/ship_order");
        for (String handler : List.of("ValidateHandler", "PackBoxHandler", "ShipHandler")) {
            assertTrue(Files.readString(sources.resolve(handler + ".java")).contains("public class " + handler + " "));
        }
        String test = Files.readString(project.resolve(
                "src/test/java/com/acme/shop/ship_order/ShipOrderWorkflowTest.java"));
        assertTrue(test.contains("new PackBoxHandler().handle(TestStepContext.of(\"pack-box\"))"), test);
        assertTrue(test.contains("TestTask.fromResource(TEMPLATE)") && test.contains(".withHandler(\"ship\", ")
                && test.contains("\"META-INF/tasker/tasks/shop/ship_order.yaml\""), test);
        String pom = Files.readString(project.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>ship-order</artifactId>") && pom.contains("<groupId>com.acme</groupId>"));
        assertFalse(pom.contains("@"), "the build filled in every version: " + pom);
        assertTrue(Files.isRegularFile(project.resolve("src/main/resources/META-INF/beans.xml")));
        assertTrue(Files.readString(project.resolve("README.md")).contains("./tasker run --workflows"));
        assertTrue(Files.isExecutable(project.resolve("mvnw"))
                && Files.isRegularFile(project.resolve(".mvn/wrapper/maven-wrapper.properties")));
    }

    @Test
    void aNamespaceThatIsAJavaKeywordStillMakesAPackage() throws IOException {
        Path project = new WorkflowProject("default/1st_flow", List.of("go"), "com.example", null)
                .writeInto(directory);

        assertTrue(Files.isRegularFile(project.resolve("src/main/java/com/example/default_/_1st_flow/GoHandler.java")));
    }

    @Test
    void badNamesAreRefusedNamingWhatIsWrong() throws IOException {
        assertRefused("ship_order", List.of("a"), "com.example", "<namespace>/<name>");
        assertRefused("shop/ship order", List.of("a"), "com.example", "the workflow's name");
        assertRefused("shop/ship", List.of("a", "b c"), "com.example", "step 'b c'");
        assertRefused("shop/ship", List.of("a", "a"), "com.example", "a step is named twice");
        assertRefused("shop/ship", List.of(), "com.example", "name at least one step");
        assertRefused("shop/ship", List.of("a"), "Com.Example", "--group-id");

        Files.writeString(Files.createDirectories(directory.resolve("ship")).resolve("keep.txt"), "mine");
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> new WorkflowProject("shop/ship", List.of("a"), "com.example", null).writeInto(directory));
        assertTrue(taken.getMessage().contains("exists and is not empty"), taken.getMessage());
    }

    private static void assertRefused(String name, List<String> steps, String groupId, String expected) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new WorkflowProject(name, steps, groupId, null));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
