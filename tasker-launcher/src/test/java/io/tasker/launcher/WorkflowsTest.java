package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.tasker.template.TemplateSources;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowsTest {

    @TempDir
    Path directory;

    @Test
    void theCommandLineWinsOverTheEnvironmentWhichIsSplitOnThePathSeparator() throws IOException {
        Path first = jar(directory.resolve("first.jar"));
        Path second = jar(directory.resolve("second.jar"));

        assertEquals(List.of(first), Workflows.of(List.of(Path.of("first.jar")),
                Map.of("TASKER_WORKFLOWS", second.toString()), directory).paths());
        assertEquals(List.of(first, second), Workflows.of(List.of(),
                Map.of("TASKER_WORKFLOWS", "first.jar:second.jar"), directory).paths());
        assertTrue(Workflows.of(List.of(), Map.of("TASKER_WORKFLOWS", " "), directory).isEmpty());
    }

    @Test
    void aMissingPathOrAFileThatIsNoJarIsRefusedByName() throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Workflows.of(List.of(Path.of("nowhere.jar")), Map.of(), directory));
        assertTrue(missing.getMessage().contains("nowhere.jar does not exist"), missing.getMessage());

        Files.writeString(directory.resolve("notes.txt"), "not a jar");
        IllegalArgumentException notAJar = assertThrows(IllegalArgumentException.class,
                () -> Workflows.of(List.of(Path.of("notes.txt")), Map.of(), directory));
        assertTrue(notAJar.getMessage().contains("notes.txt is neither a jar nor a directory"), notAJar.getMessage());
    }

    @Test
    void twoWorkflowsOfOneJarNameAreRefused() throws IOException {
        jar(Files.createDirectories(directory.resolve("a")).resolve("orders.jar"));
        jar(Files.createDirectories(directory.resolve("b")).resolve("orders.jar"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Workflows.of(List.of(Path.of("a/orders.jar"), Path.of("b/orders.jar")), Map.of(), directory));
        assertTrue(refused.getMessage().contains("two of them would be orders.jar"), refused.getMessage());
    }

    @Test
    void buildOutputOlderThanItsProjectsSourcesIsRefusedNamingTheSource() throws IOException {
        Path project = Files.createDirectories(directory.resolve("orders"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path handler = project.resolve("src/main/java/com/example/Ship.java");
        Files.createDirectories(handler.getParent());
        Files.writeString(handler, "class Ship {}");
        Path built = jar(Files.createDirectories(project.resolve("target")).resolve("orders-0.1.0.jar"));
        Path classes = Files.createDirectories(project.resolve("target/classes/com/example"));
        Files.writeString(classes.resolve("Ship.class"), "compiled");
        age(project.resolve("pom.xml"), 120);
        age(handler, 60);

        assertEquals(List.of(built), Workflows.of(List.of(built), Map.of(), directory).paths());
        Files.setLastModifiedTime(handler, FileTime.from(Instant.now().plusSeconds(5)));
        for (Path output : List.of(built, project.resolve("target/classes"))) {
            IllegalArgumentException stale = assertThrows(IllegalArgumentException.class,
                    () -> Workflows.of(List.of(output), Map.of(), directory));
            assertTrue(stale.getMessage().contains("is older than " + handler), stale.getMessage());
        }
    }

    @Test
    void aDirectoryOfClassesIsPackedIntoAJarNamedAfterItsProject() throws IOException {
        Path project = Files.createDirectories(directory.resolve("orders"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        age(project.resolve("pom.xml"), 60);
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/beans.xml"), "<beans/>");
        Path templates = Files.createDirectories(classes.resolve("META-INF/tasker/tasks/shop"));
        Files.writeString(templates.resolve("orders.yaml"), "name: orders");

        List<Path> jars = Workflows.of(List.of(classes), Map.of(), directory).jars(directory.resolve("packed"));

        assertEquals(List.of(directory.resolve("packed/orders.jar")), jars);
        try (JarFile jar = new JarFile(jars.get(0).toFile())) {
            assertTrue(jar.getEntry("META-INF/beans.xml") != null);
        }
        // The server finds templates through their directory, as a class loader finds it in the jar.
        try (URLClassLoader application = new URLClassLoader(new URL[] {jars.get(0).toUri().toURL()}, null)) {
            assertEquals(List.of("name: orders"), TemplateSources.fromClasspath(application,
                    TemplateSources.CLASSPATH_ROOT).stream().map(TemplateSources.TemplateSource::yaml).toList());
        }
    }

    private static Path jar(Path file) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("META-INF/beans.xml"));
            out.closeEntry();
        }
        return file;
    }

    private static void age(Path file, int seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
    }
}
