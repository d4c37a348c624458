package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose resource adapter fails to deploy is started once more (Payara Micro failed so once, inside its own
 * connector deployment); when the second start fails too, the failure is reported with its cause.
 */
@ExtendWith(TaskerStackExtension.class)
class ResourceAdapterFailureIT {

    @Test
    void aNodeWhoseResourceAdapterFailsToDeployIsStartedOnceMoreThenReported(RunningStack stack,
                                                                            @TempDir Path directory) throws Exception {
        RuntimeArtifacts real = RuntimeArtifacts.locate();
        RuntimeArtifacts broken = new RuntimeArtifacts(real.payaraMicro(), real.taskerWar(), real.taskerEar(),
                adapterWhoseClassIsMissing(directory), real.examplesJar(), real.workflows());
        LauncherSettings settings = new LauncherSettings(directory, TaskerStackExtension.freePorts(1).get(0),
                Optional.of(stack.database()), Optional.of(stack.stack().broker()), 0, 0, "broken-adapter-node",
                List.of(LauncherSettings.DEFAULT_JVM_OPTIONS.split(" ")), false);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> TaskerStack.start(settings,
                broken, TaskerStackExtension.NODE_SETTINGS, new PrintStream(printed, true, StandardCharsets.UTF_8)));

        String report = refused.getMessage();
        assertTrue(report.contains("did not deploy"), report);
        assertTrue(report.contains("no.such.ResourceAdapter"), report);
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, output.split("failed to deploy the Artemis resource adapter", -1).length - 1, output);
    }

    // The real adapter with its ra.xml naming a resource adapter class that does not exist.
    private static Path adapterWhoseClassIsMissing(Path directory) throws IOException {
        Path adapter = Files.copy(RuntimeArtifacts.locate().artemisRar(), directory.resolve("artemis-ra.rar"));
        try (FileSystem rar = FileSystems.newFileSystem(adapter)) {
            Path descriptor = rar.getPath("META-INF", "ra.xml");
            String original = Files.readString(descriptor);
            String broken = original.replace("org.apache.activemq.artemis.ra.ActiveMQResourceAdapter",
                    "no.such.ResourceAdapter");
            assertNotEquals(original, broken, "the adapter's ra.xml names ActiveMQResourceAdapter");
            Files.writeString(descriptor, broken);
        }
        return adapter;
    }
}
