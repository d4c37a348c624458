package io.tasker.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The user's workflows added to the application ({@code --workflows}, or {@code TASKER_WORKFLOWS}): jars, or
 * directories of compiled classes such as a Maven project's {@code target/classes}, packed into a jar when the
 * application is written. Their handlers become CDI beans of the application, like the examples' (a jar needs a
 * {@code META-INF/beans.xml} or bean-defining annotations on its handlers), and their templates under
 * {@code META-INF/tasker/tasks} are registered.
 */
public final class Workflows {

    private final List<Path> paths;

    private Workflows(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    /** No workflow of the user's. */
    public static Workflows none() {
        return new Workflows(List.of());
    }

    /**
     * The workflows named on the command line, or else by {@code TASKER_WORKFLOWS} (paths separated by
     * {@code File.pathSeparator}), relative to {@code workingDirectory}.
     *
     * @throws IllegalArgumentException naming the path: missing, neither a jar nor a directory, two jars of one
     *                                  file name, or built before a change to its Maven project's sources
     */
    public static Workflows of(List<Path> named, Map<String, String> env, Path workingDirectory) {
        List<Path> given = new ArrayList<>(named);
        if (given.isEmpty()) {
            String variable = env.getOrDefault("TASKER_WORKFLOWS", "").trim();
            for (String path : variable.isEmpty() ? new String[0] : variable.split(File.pathSeparator)) {
                given.add(Path.of(path.trim()));
            }
        }
        List<Path> paths = new ArrayList<>();
        Set<String> jarNames = new HashSet<>();
        for (Path path : given) {
            Path workflow = workingDirectory.resolve(path).toAbsolutePath().normalize();
            checkUsable(workflow);
            refuseIfStale(workflow);
            String name = jarName(workflow);
            if (!jarNames.add(name)) {
                throw new IllegalArgumentException("--workflows: two of them would be " + name
                        + " in the application; rename one (" + workflow + ")");
            }
            paths.add(workflow);
        }
        return new Workflows(paths);
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    public List<Path> paths() {
        return paths;
    }

    /** The workflows as jars: each directory packed into {@code directory}, each jar as it is. */
    List<Path> jars(Path directory) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (Path workflow : paths) {
            jars.add(Files.isDirectory(workflow) ? pack(workflow, directory.resolve(jarName(workflow))) : workflow);
        }
        return jars;
    }

    private static void checkUsable(Path workflow) {
        if (Files.isDirectory(workflow)) {
            return;
        }
        if (!Files.isRegularFile(workflow)) {
            throw new IllegalArgumentException("--workflows: " + workflow + " does not exist");
        }
        try (ZipFile jar = new ZipFile(workflow.toFile())) {
            jar.size();
        } catch (IOException e) {
            throw new IllegalArgumentException("--workflows: " + workflow + " is neither a jar nor a directory of"
                    + " classes (" + e.getMessage() + ")");
        }
    }

    // A directory becomes <its Maven project's name>.jar (target/classes of project "orders": orders.jar), else
    // <its own name>.jar.
    private static String jarName(Path workflow) {
        if (!Files.isDirectory(workflow)) {
            return workflow.getFileName().toString();
        }
        return mavenProject(workflow).orElse(workflow).getFileName() + ".jar";
    }

    /**
     * Refuses built output (a jar or classes under a Maven project's {@code target}) older than a file of the
     * project's {@code pom.xml} or {@code src/main}: the application would run code that no longer matches the
     * sources.
     */
    private static void refuseIfStale(Path workflow) {
        Optional<Path> project = mavenProject(workflow);
        if (project.isEmpty()) {
            return;
        }
        FileTime built = newest(workflow).map(Workflows::modified).orElse(FileTime.fromMillis(0));
        Stream.of(project.get().resolve("pom.xml"), project.get().resolve("src").resolve("main"))
                .map(Workflows::newest).flatMap(Optional::stream)
                .filter(source -> modified(source).compareTo(built) > 0)
                .findFirst()
                .ifPresent(source -> {
                    throw new IllegalArgumentException("--workflows: " + workflow + " is older than " + source
                            + ": build the workflows again (./mvnw package in " + project.get() + ") and retry");
                });
    }

    // The project whose target directory holds the path, if it has a pom.xml.
    private static Optional<Path> mavenProject(Path workflow) {
        for (Path directory = workflow.getParent(); directory != null; directory = directory.getParent()) {
            if (directory.getFileName() != null && directory.getFileName().toString().equals("target")) {
                Path project = directory.getParent();
                return project != null && Files.isRegularFile(project.resolve("pom.xml"))
                        ? Optional.of(project) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    // The most recently modified regular file at or under the path.
    private static Optional<Path> newest(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).max(Comparator.comparing(Workflows::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path pack(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            // Directories get entries of their own, as in any jar Maven builds: class loaders find resource
            // directories (the templates' META-INF/tasker/tasks) only by them.
            for (Path path : files.filter(path -> !path.equals(classes)).sorted().toList()) {
                String name = classes.relativize(path).toString().replace(File.separatorChar, '/');
                if (Files.isDirectory(path)) {
                    out.putNextEntry(new ZipEntry(name + "/"));
                } else {
                    out.putNextEntry(new ZipEntry(name));
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
