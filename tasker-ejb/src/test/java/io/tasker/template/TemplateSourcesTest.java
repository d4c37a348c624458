package io.tasker.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tasker.template.TemplateSources.TemplateSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateSourcesTest {

    @TempDir
    Path dir;

    @Test
    void findsYamlAtAnyDepthOfADirectory() throws IOException {
        Files.createDirectories(dir.resolve("team/billing"));
        Files.writeString(dir.resolve("a.yaml"), "name: a");
        Files.writeString(dir.resolve("team/billing/b.yml"), "name: b");
        Files.writeString(dir.resolve("team/notes.txt"), "not a template");

        List<TemplateSource> sources = TemplateSources.fromDirectory(dir);

        assertEquals(List.of("name: a", "name: b"), sources.stream().map(TemplateSource::yaml).toList());
    }

    @Test
    void findsYamlInJarsAndDirectoriesOnTheClasspath() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF/tasker/tasks/nested"));
        Files.writeString(classes.resolve("META-INF/tasker/tasks/nested/dir.yaml"), "name: from_dir");
        Path jar = dir.resolve("handlers.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("META-INF/", "META-INF/tasker/", "META-INF/tasker/tasks/")) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            write(out, "META-INF/tasker/tasks/jar.yaml", "name: from_jar");
            write(out, "META-INF/other/ignored.yaml", "name: elsewhere");
        }

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL(), jar.toUri().toURL()}, null)) {
            List<String> found = TemplateSources.fromClasspath(loader, TemplateSources.CLASSPATH_ROOT).stream()
                    .map(TemplateSource::yaml).sorted().toList();
            assertEquals(List.of("name: from_dir", "name: from_jar"), found);
        }
    }

    @Test
    void countsAJarSeenThroughTwoClassLoadersOnce() throws IOException {
        Path jar = dir.resolve("shared.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("META-INF/", "META-INF/tasker/", "META-INF/tasker/tasks/")) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            write(out, "META-INF/tasker/tasks/only.yaml", "name: only");
        }
        URL[] urls = {jar.toUri().toURL()};
        try (URLClassLoader library = new URLClassLoader(urls, null);
             URLClassLoader module = new URLClassLoader(urls, library)) {
            assertEquals(2, java.util.Collections.list(module.getResources(TemplateSources.CLASSPATH_ROOT)).size(),
                    "the hierarchy reports the jar twice");
            assertEquals(1, TemplateSources.fromClasspath(module, TemplateSources.CLASSPATH_ROOT).size());
        }
    }

    @Test
    void rejectsAMissingDirectory() {
        assertThrows(IllegalArgumentException.class, () -> TemplateSources.fromDirectory(dir.resolve("missing")));
    }

    private static void write(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
