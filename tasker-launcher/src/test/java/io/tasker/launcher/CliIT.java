package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.cli.TaskerCli;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operators' CLI against the real stack: creating, showing, listing and repairing tasks, and its refusals. */
@ExtendWith(TaskerStackExtension.class)
class CliIT {

    private static final Path STANDALONE = Path.of("..", "tasker-cli", "target", "tasker-cli.jar");

    private record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n" + out + err;
        }
    }

    private static Result cli(RunningStack stack, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> withServer = new ArrayList<>(List.of(args));
        withServer.addAll(List.of("--url", stack.client().api().toString(), "--token", adminToken(stack)));
        int exit = TaskerCli.commandLine(new TaskerCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(withServer.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    // The subject is the actor its operator actions record, which --actor may repeat.
    private static String adminToken(RunningStack stack) {
        return stack.adminToken("cli-it");
    }

    private static long createdId(Result created) {
        Matcher id = Pattern.compile("^task (\\d+) ", Pattern.MULTILINE).matcher(created.out());
        assertTrue(id.find(), created.toString());
        return Long.parseLong(id.group(1));
    }

    @Test
    void createsAndWaitsForATaskThenShowsAndListsIt(RunningStack stack) {
        Result created = cli(stack, "tasks", "create", "--namespace", "examples", "--name", "linear_workflow",
                "--tag", "cli-it", "--wait", "--timeout", "60");

        assertEquals(0, created.exit(), created.toString());
        long taskId = createdId(created);
        assertTrue(created.out().contains("examples.linear_workflow@1.0.0  complete"), created.toString());
        Result shown = cli(stack, "tasks", "show", String.valueOf(taskId));
        assertEquals(0, shown.exit(), shown.toString());
        assertTrue(Pattern.compile("(?m)^\\d+\\s+finalize_workflow\\s+complete\\s+1/3\\s*$").matcher(shown.out())
                .find(), shown.toString());
        Result listed = cli(stack, "tasks", "list", "--tag", "cli-it", "--status", "complete", "--json");
        assertEquals(0, listed.exit(), listed.toString());
        assertTrue(listed.out().contains("\"task_id\": " + taskId), listed.toString());
    }

    @Test
    void aStepThatFailedForGoodIsRetriedByNameWithInputsUntilTheTaskCompletes(RunningStack stack) throws Exception {
        Result failed = cli(stack, "tasks", "create", "--namespace", "examples", "--name", "linear_workflow",
                "--context", "{\"fail_permanently\": [\"process_data\"]}", "--wait", "--timeout", "60");
        assertEquals(4, failed.exit(), "exit 4: the task did not complete; " + failed);
        long taskId = createdId(failed);
        assertTrue(failed.out().contains("scripted permanent failure of process_data"), failed.toString());

        Result retried = cli(stack, "steps", "retry", String.valueOf(taskId), "process_data", "--inputs",
                "{\"fail_permanently\": []}", "--actor", "cli-it", "--reason", "the script is fixed");

        assertEquals(0, retried.exit(), retried.toString());
        assertTrue(retried.out().startsWith("step process_data ("), retried.toString());
        assertEquals("complete", stack.client().awaitFinished(taskId, Duration.ofSeconds(60)).getString("status"));
    }

    @Test
    void aStepResolvedByHandLetsItsTaskComplete(RunningStack stack) throws Exception {
        long taskId = createdId(cli(stack, "tasks", "create", "--namespace", "examples", "--name",
                "linear_workflow", "--context", "{\"fail_permanently\": [\"finalize_workflow\"]}", "--wait"));

        Result resolved = cli(stack, "steps", "resolve", String.valueOf(taskId), "finalize_workflow", "--results",
                "{\"finalized_by\": \"hand\"}");

        assertEquals(0, resolved.exit(), resolved.toString());
        assertEquals("complete", stack.client().awaitFinished(taskId, Duration.ofSeconds(60)).getString("status"));
    }

    @Test
    void refusalsExitNonZeroWithTheServersProblem(RunningStack stack) {
        long taskId = createdId(cli(stack, "tasks", "create", "--namespace", "examples", "--name",
                "linear_workflow", "--wait"));

        Result cancelled = cli(stack, "tasks", "cancel", String.valueOf(taskId));
        assertEquals(1, cancelled.exit(), cancelled.toString());
        assertTrue(cancelled.err().contains(": 409 ") && cancelled.err().contains("only pending or in_progress"),
                cancelled.toString());

        Result invalid = cli(stack, "tasks", "create", "--namespace", "examples", "--name", "linear_workflow",
                "--context", "{\"fail_times\": \"often\"}");
        assertEquals(1, invalid.exit(), invalid.toString());
        assertTrue(invalid.err().contains("/context/fail_times"), invalid.toString());

        Result unknownStep = cli(stack, "steps", "retry", String.valueOf(taskId), "no_such_step");
        assertEquals(2, unknownStep.exit(), unknownStep.toString());
        assertTrue(unknownStep.err().contains("has no step named 'no_such_step'"), unknownStep.toString());
    }

    @Test
    void theStandaloneJarListsTheRegisteredWorkflows(RunningStack stack) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", STANDALONE.toString(), "handlers", "list", "--url", stack.client().api().toString(),
                "--token", adminToken(stack))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);

        assertEquals(0, process.exitValue(), output);
        assertTrue(Pattern.compile("(?m)^examples\\s+linear_workflow\\s+1\\.0\\.0\\s+1\\.0\\.0$").matcher(output)
                .find(), output);
    }
}
