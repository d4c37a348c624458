package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archives users deploy, the WAR and the EAR, carry the engine and no workflow of ours: no example or benchmark
 * template or handler, and nothing that would create the examples' table in the user's database. The launcher adds
 * the examples to the application it runs.
 */
class ProductArchivesIT {

    @Test
    void theWarAndTheEarCarryNoWorkflow() throws IOException {
        for (String property : List.of("tasker.product.war", "tasker.product.ear")) {
            Path archive = Path.of(System.getProperty(property));
            assertTrue(Files.isRegularFile(archive), archive + " is missing");
            List<String> demo = new ArrayList<>();
            try (InputStream in = Files.newInputStream(archive)) {
                collectDemo(archive.getFileName().toString(), in, demo);
            }
            assertEquals(List.of(), demo, "workflow content in " + archive);
        }
    }

    @Test
    void theLauncherDeploysTheExamples() throws IOException {
        Path application = RuntimeArtifacts.locate().application(Files.createTempDirectory("application"));
        List<String> demo = new ArrayList<>();
        try (InputStream in = Files.newInputStream(application)) {
            collectDemo("tasker.war", in, demo);
        }
        assertTrue(demo.contains("tasker.war!WEB-INF/lib/tasker-examples.jar!META-INF/tasker/tasks/examples/"
                + "diamond_workflow.yaml"), "the launcher's application: " + demo);
    }

    @Test
    void packagingAddsTheUsersWorkflowsAndNoExamples(@TempDir Path directory) throws IOException {
        // The examples' jar stands in for a user's: what matters is where it lands.
        Path workflow = Files.copy(RuntimeArtifacts.locate().examplesJar(), directory.resolve("orders.jar"));
        RuntimeArtifacts artifacts = RuntimeArtifacts.locate().with(Workflows.of(List.of(workflow), Map.of(),
                directory));

        List<String> war = entries(artifacts.packageWar(directory.resolve("tasker.war"), directory));
        List<String> ear = entries(artifacts.packageEar(directory.resolve("tasker.ear"), directory));

        assertTrue(war.contains("WEB-INF/lib/orders.jar") && !war.contains("WEB-INF/lib/tasker-examples.jar"),
                war.toString());
        assertTrue(ear.contains("lib/orders.jar") && ear.contains("tasker-web.war"), ear.toString());
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class, () -> RuntimeArtifacts.locate()
                .with(Workflows.of(List.of(apiJar(war, directory)), Map.of(), directory))
                .packageWar(directory.resolve("clash.war"), directory));
        assertTrue(clash.getMessage().contains("tasker.war has its own"), clash.getMessage());
    }

    private static List<String> entries(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    // A jar named as the WAR's own tasker-api jar.
    private static Path apiJar(List<String> war, Path directory) throws IOException {
        String name = war.stream().filter(entry -> entry.startsWith("WEB-INF/lib/tasker-api")).findFirst()
                .orElseThrow().substring("WEB-INF/lib/".length());
        return Files.copy(RuntimeArtifacts.locate().examplesJar(), directory.resolve(name));
    }

    // Walks an archive and the archives inside it, noting templates, the examples' migrations and classes.
    private static void collectDemo(String path, InputStream archive, List<String> demo) throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = entry.getName();
            String where = path + "!" + name;
            if (name.endsWith(".jar") || name.endsWith(".war")) {
                collectDemo(where, zip, demo);
            } else if (name.startsWith("META-INF/tasker/tasks/") && name.endsWith(".yaml")
                    || name.startsWith("db/tasker-examples/") || name.startsWith("io/tasker/examples/")) {
                demo.add(where);
            }
        }
    }
}
