package io.tasker.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files the launcher deploys: Payara Micro, the Tasker WAR and the Artemis resource adapter, which the build
 * copies to {@code tasker-launcher/target/runtime} (or the directory named by {@code tasker.runtime.dir}).
 */
public record RuntimeArtifacts(Path payaraMicro, Path taskerWar, Path artemisRar) {

    /**
     * @throws IllegalStateException when a file is missing (the build did not run)
     */
    public static RuntimeArtifacts locate() {
        Path directory = Path.of(System.getProperty("tasker.runtime.dir", defaultDirectory().toString()));
        RuntimeArtifacts artifacts = new RuntimeArtifacts(directory.resolve("payara-micro.jar"),
                directory.resolve("tasker.war"), directory.resolve("artemis-ra.rar"));
        for (Path file : new Path[] {artifacts.payaraMicro, artifacts.taskerWar, artifacts.artemisRar}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: build Tasker first (./mvnw -DskipTests package)");
            }
        }
        return artifacts;
    }

    // Next to the launcher's jar (target/tasker-launcher.jar) or classes (target/classes): target/runtime.
    private static Path defaultDirectory() {
        try {
            Path codeSource = Path.of(RuntimeArtifacts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.getParent().resolve("runtime");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher's own files", e);
        }
    }
}
