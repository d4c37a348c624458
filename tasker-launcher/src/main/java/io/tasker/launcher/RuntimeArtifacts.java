package io.tasker.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the launcher deploys or packages: Payara Micro, the Tasker WAR and EAR (the product, with no workflow),
 * the Artemis resource adapter and the example workflows, which the build copies to
 * {@code tasker-launcher/target/runtime} (or the directory named by {@code tasker.runtime.dir}); and the user's
 * workflows to add.
 */
public record RuntimeArtifacts(Path payaraMicro, Path taskerWar, Path taskerEar, Path artemisRar, Path examplesJar,
                               Workflows workflows) {

    /**
     * @throws IllegalStateException when a file is missing (the build did not run)
     */
    public static RuntimeArtifacts locate() {
        Path directory = Path.of(System.getProperty("tasker.runtime.dir", defaultDirectory().toString()));
        RuntimeArtifacts artifacts = new RuntimeArtifacts(directory.resolve("payara-micro.jar"),
                directory.resolve("tasker.war"), directory.resolve("tasker.ear"), directory.resolve("artemis-ra.rar"),
                directory.resolve("tasker-examples.jar"), Workflows.none());
        for (Path file : new Path[] {artifacts.payaraMicro, artifacts.taskerWar, artifacts.taskerEar,
                artifacts.artemisRar, artifacts.examplesJar}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: build Tasker first (./tasker build)");
            }
        }
        return artifacts;
    }

    /** These files, with the user's workflows to add to the application. */
    public RuntimeArtifacts with(Workflows added) {
        return new RuntimeArtifacts(payaraMicro, taskerWar, taskerEar, artemisRar, examplesJar, added);
    }

    /**
     * Writes the application a node deploys to {@code directory/tasker.war}: the Tasker WAR with the example
     * workflows and the user's added to its {@code WEB-INF/lib}, where their handlers are CDI beans of the
     * application.
     */
    Path application(Path directory) throws IOException {
        List<Path> jars = new ArrayList<>(List.of(examplesJar));
        jars.addAll(workflows.jars(directory));
        return withJars(taskerWar, directory.resolve("tasker.war"), "WEB-INF/lib", jars);
    }

    /**
     * Writes the Tasker WAR with the user's workflows in its {@code WEB-INF/lib} (no examples), for Payara Micro or
     * any server that runs WARs; name it {@code tasker.war} for the context root {@code /tasker}.
     */
    public Path packageWar(Path war, Path scratch) throws IOException {
        return withJars(taskerWar, war, "WEB-INF/lib", workflows.jars(scratch));
    }

    /**
     * Writes the Tasker EAR with the user's workflows in its {@code lib}, where both its EJB module and its web
     * module see them.
     */
    public Path packageEar(Path ear, Path scratch) throws IOException {
        return withJars(taskerEar, ear, "lib", workflows.jars(scratch));
    }

    // A copy of the archive with the jars added to one of its directories.
    private static Path withJars(Path archive, Path copy, String directory, List<Path> jars) throws IOException {
        Files.createDirectories(copy.toAbsolutePath().getParent());
        Files.copy(archive, copy, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(copy)) {
            for (Path jar : jars) {
                Path entry = zip.getPath(directory, jar.getFileName().toString());
                try {
                    Files.copy(jar, entry);
                } catch (FileAlreadyExistsException e) {
                    throw new IllegalArgumentException(archive.getFileName() + " has its own " + entry + ": rename "
                            + jar + " (or leave it out if it is that library)");
                }
            }
        }
        return copy;
    }

    // Next to the launcher's jar (target/tasker-launcher.jar) or classes (target/classes): target/runtime.
    private static Path defaultDirectory() {
        try {
            Path codeSource = Path.of(RuntimeArtifacts.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return codeSource.getParent().resolve("runtime");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher's own files", e);
        }
    }
}
