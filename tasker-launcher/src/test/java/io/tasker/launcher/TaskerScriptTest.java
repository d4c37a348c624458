package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tasker} never runs a stale build: run in a copy of the checkout whose Maven wrapper and JDK are stand-ins
 * that say they ran, it builds when the launcher is missing or older than a source of the product, naming the file,
 * and not otherwise.
 */
class TaskerScriptTest {

    @TempDir
    Path checkout;

    private Path launcher;

    @BeforeEach
    void copyOfTheCheckout() throws IOException {
        Files.copy(Path.of("..", "tasker"), checkout.resolve("tasker"));
        executable(checkout.resolve("mvnw"), "echo BUILT; mkdir -p tasker-launcher/target;"
                + " touch tasker-launcher/target/tasker-launcher.jar");
        executable(checkout.resolve("jdk/bin/java"), "echo \"LAUNCHER $*\"");
        source("pom.xml", 600);
        source("tasker-ejb/src/main/java/io/tasker/Engine.java", 600);
        source("tasker-ejb/src/test/java/io/tasker/EngineTest.java", 600);
        launcher = checkout.resolve("tasker-launcher/target/tasker-launcher.jar");
    }

    @Test
    void aMissingLauncherIsBuilt() throws Exception {
        String output = tasker();

        assertTrue(output.contains("BUILT") && output.contains("tasker-launcher.jar run --workflows x.jar"), output);
    }

    @Test
    void aLauncherNewerThanEverySourceRunsAsItIs() throws Exception {
        built(300);
        source("tasker-ejb/src/test/java/io/tasker/EngineTest.java", 10);

        String output = tasker();

        assertFalse(output.contains("BUILT"), output);
        assertTrue(output.contains("tasker-launcher.jar run --workflows x.jar"), output);
    }

    @Test
    void aSourceChangedSinceTheBuildIsNamedAndRebuilt() throws Exception {
        built(300);
        source("tasker-ejb/src/main/java/io/tasker/Engine.java", 10);

        String output = tasker();

        assertTrue(output.contains("Rebuilding Tasker: tasker-ejb/src/main/java/io/tasker/Engine.java changed since"
                + " the last build.") && output.contains("BUILT"), output);
        assertTrue(output.contains("tasker-launcher.jar run --workflows x.jar"), output);
    }

    private String tasker() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "tasker", "run", "--workflows", "x.jar")
                .directory(checkout.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", checkout.resolve("jdk").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private void built(int secondsAgo) throws IOException {
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, "jar");
        Files.setLastModifiedTime(launcher, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    private void source(String path, int secondsAgo) throws IOException {
        Path file = checkout.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "source");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    private static void executable(Path file, String script) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
