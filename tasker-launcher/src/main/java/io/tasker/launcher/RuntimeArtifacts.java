package io.tasker.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files the launcher deploys: Payara Micro, the Tasker WAR (the product, with no workflow), the Artemis resource
 * adapter and the example workflows, which the build copies to {@code tasker-launcher/target/runtime} (or the
 * directory named by {@code tasker.runtime.dir}).
 */
public record RuntimeArtifacts(Path payaraMicro, Path taskerWar, Path artemisRar, Path examplesJar) {

    /**
     * @throws IllegalStateException when a file is missing (the build did not run)
     */
    public static RuntimeArtifacts locate() {
        Path directory = Path.of(System.getProperty("tasker.runtime.dir", defaultDirectory().toString()));
        RuntimeArtifacts artifacts = new RuntimeArtifacts(directory.resolve("payara-micro.jar"),
                directory.resolve("tasker.war"), directory.resolve("artemis-ra.rar"),
                directory.resolve("tasker-examples.jar"));
        for (Path file : new Path[] {artifacts.payaraMicro, artifacts.taskerWar, artifacts.artemisRar,
                artifacts.examplesJar}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: build Tasker first (./tasker build)");
            }
        }
        return artifacts;
    }

    /**
     * Writes the application a node deploys to {@code directory/tasker.war}: the Tasker WAR with the example
     * workflows added to its {@code WEB-INF/lib}, where their handlers are CDI beans of the application. Users'
     * WARs and EARs carry their own workflow jars instead.
     */
    Path applicationWithExamples(Path directory) throws IOException {
        Path application = directory.resolve("tasker.war");
        Files.copy(taskerWar, application, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem war = FileSystems.newFileSystem(application)) {
            Files.copy(examplesJar, war.getPath("WEB-INF", "lib", examplesJar.getFileName().toString()));
        }
        return application;
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
