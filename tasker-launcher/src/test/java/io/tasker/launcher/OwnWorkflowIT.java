package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does with a workflow of their own, through the commands {@code ./tasker} runs: generates a
 * project ({@code new workflow}), builds it with its own Maven wrapper (its test-kit tests run), checks a broken copy
 * of its template with the CLI ({@code templates validate}), starts Tasker with its jar ({@code run --workflows}, on
 * its own database and broker) and runs the workflow over REST to {@code complete}.
 */
class OwnWorkflowIT {

    private static final Path LAUNCHER = Path.of("target", "tasker-launcher.jar").toAbsolutePath();

    @Test
    void aGeneratedWorkflowBuildsAndRunsOnTaskerStartedWithIt(@TempDir Path directory) throws Exception {
        Process generate = command(directory, directory.resolve("new.log"), Map.of(), java("new", "workflow",
                "it_own/ship_order", "--steps", "validate,pack,ship", "--dir", directory.toString()));
        assertEquals(0, finish(generate, Duration.ofMinutes(1)), Files.readString(directory.resolve("new.log")));
        Path project = directory.resolve("ship-order");

        Path buildLog = directory.resolve("build.log");
        Process build = command(project, buildLog, Map.of(), List.of("./mvnw", "-B", "package"));
        assertEquals(0, finish(build, Duration.ofMinutes(5)), Files.readString(buildLog));
        String report = Files.readString(project.resolve(
                "target/surefire-reports/TEST-com.example.it_own.ship_order.ShipOrderWorkflowTest.xml"));
        // A test of each handler, and the test kit's runs of the whole workflow (to complete, and with a retry).
        assertTrue(report.contains("tests=\"5\"") && report.contains("failures=\"0\"")
                && report.contains("errors=\"0\"") && report.contains("theWorkflowRunsEveryStepToComplete")
                && report.contains("aFailedAttemptIsRetriedAfterTheBackOff"), report);

        // The CLI checks a template as the server would, offline: a broken copy is refused, naming its step.
        Path broken = Files.createDirectories(directory.resolve("broken"));
        Files.writeString(broken.resolve("ship_order.yaml"), Files.readString(project.resolve(
                "src/main/resources/META-INF/tasker/tasks/it_own/ship_order.yaml"))
                .replace("depends_on_step: validate", "depends_on_step: unpack"));
        Path validateLog = directory.resolve("validate.log");
        assertEquals(1, finish(command(directory, validateLog, Map.of(), java("templates", "validate",
                broken.toString(), "--classpath", project.resolve("target/classes").toString())),
                Duration.ofMinutes(1)), Files.readString(validateLog));
        assertTrue(Files.readString(validateLog).contains("(step 'pack'): depends on unknown step 'unpack'"),
                Files.readString(validateLog));

        List<Integer> ports = TaskerStackExtension.freePorts(3);
        Path runLog = directory.resolve("run.log");
        Process run = command(directory, runLog, Map.of("TASKER_DATA_DIR", directory.resolve("data").toString(),
                        "TASKER_HTTP_PORT", ports.get(0).toString(), "TASKER_DB_PORT", ports.get(1).toString(),
                        "TASKER_BROKER_PORT", ports.get(2).toString()),
                // The classes directory, as ./tasker new suggests: packed into a jar at start (the jar's route is
                // ProductArchivesIT's).
                java("run", "--workflows", project.resolve("target/classes").toString()));
        try {
            awaitLine(run, runLog, "Admin token", Duration.ofMinutes(4));
            TaskerClient client = new TaskerClient(URI.create("http://localhost:" + ports.get(0) + "/tasker"),
                    Optional.of(printedToken(runLog)));
            // The first run on an empty database leaves two example tasks, one failing, to try the dashboard on.
            awaitLine(run, runLog, "Example tasks on this first run", Duration.ofSeconds(30));
            List<JsonObject> examples = client.get("/tasks?tag=example&sort_order=asc").json().getJsonArray("tasks")
                    .getValuesAs(JsonObject.class);
            assertEquals(List.of("diamond_workflow", "linear_workflow"),
                    examples.stream().map(example -> example.getString("name")).toList());
            assertEquals("error", client.awaitFinished(examples.get(1).getJsonNumber("task_id").longValue(),
                    Duration.ofSeconds(60)).getString("status"));
            long taskId = client.createTask("""
                    {"namespace": "it_own", "name": "ship_order", "context": {"order": 7}}""");

            JsonObject task = client.awaitFinished(taskId, Duration.ofSeconds(60));

            assertEquals("complete", task.getString("status"), task.toString());
            for (String step : List.of("validate", "pack", "ship")) {
                assertEquals("done", AcceptanceChecks.step(task, step).getJsonObject("results").getString(step),
                        task.toString());
            }
        } finally {
            run.destroy();
            if (!run.waitFor(90, TimeUnit.SECONDS)) {
                run.destroyForcibly();
            }
        }
    }

    // The launcher as ./tasker runs it.
    private static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static Process command(Path workingDirectory, Path log, Map<String, String> env, List<String> command)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static int finish(Process process, Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + within + ": " + process.info().commandLine());
        }
        return process.exitValue();
    }

    // The token ./tasker run prints on the line after "Admin token ...".
    private static String printedToken(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<String> lines = Files.readAllLines(log);
            for (int i = 0; i < lines.size() - 1; i++) {
                if (lines.get(i).startsWith("Admin token")) {
                    return lines.get(i + 1).strip();
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no token after 'Admin token': " + String.join("\n", lines));
            }
            Thread.sleep(100);
        }
    }

    // Polls the log until the line appears; fails if the process ends first or the deadline passes.
    private static void awaitLine(Process process, Path log, String line, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (!Files.readString(log).contains(line)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("no '" + line + "' (alive: " + process.isAlive() + "): "
                        + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }
}
