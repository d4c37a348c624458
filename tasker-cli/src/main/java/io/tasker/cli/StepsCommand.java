package io.tasker.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code steps retry|resolve|cancel}: operator actions on one step, named by its task and its name (or id). */
@Command(name = "steps", mixinStandardHelpOptions = true,
        description = "Retry, resolve or cancel one step of a task, named by its name or its id.")
final class StepsCommand {

    @Command(name = "retry",
            description = "Runs a step in error again now, with a fresh attempt budget.")
    int retry(@Mixin ServerOptions server, @Mixin Output output, @Mixin Operator operator,
              @Parameters(index = "0", paramLabel = "<task_id>") long taskId,
              @Parameters(index = "1", paramLabel = "<step>") String step,
              @Option(names = "--inputs", paramLabel = "<json|@file>",
                      description = "The step's inputs, which its handler reads (StepContext.inputs()).")
              String inputs) {
        JsonObjectBuilder body = operator.body();
        if (inputs != null) {
            body.add("inputs", JsonArguments.object("--inputs", inputs));
        }
        return act(server, output, taskId, step, "/retry", body);
    }

    @Command(name = "resolve",
            description = "Resolves a pending step or one in error by hand, with the results its dependents read.")
    int resolve(@Mixin ServerOptions server, @Mixin Output output, @Mixin Operator operator,
                @Parameters(index = "0", paramLabel = "<task_id>") long taskId,
                @Parameters(index = "1", paramLabel = "<step>") String step,
                @Option(names = "--results", paramLabel = "<json|@file>", required = true,
                        description = "The step's results.") String results) {
        return act(server, output, taskId, step, "/resolve",
                operator.body().add("results", JsonArguments.object("--results", results)));
    }

    @Command(name = "cancel",
            description = "Cancels a pending step and the steps that depend on it.")
    int cancel(@Mixin ServerOptions server, @Mixin Output output, @Mixin Operator operator,
               @Parameters(index = "0", paramLabel = "<task_id>") long taskId,
               @Parameters(index = "1", paramLabel = "<step>") String step) {
        ApiClient client = server.client();
        long stepId = stepId(client, taskId, step);
        JsonObject changed = client.delete("/tasks/" + taskId + "/workflow_steps/" + stepId
                + ApiClient.query(operator.query()));
        return printed(output, changed);
    }

    private static int act(ServerOptions server, Output output, long taskId, String step, String action,
                           JsonObjectBuilder body) {
        ApiClient client = server.client();
        long stepId = stepId(client, taskId, step);
        return printed(output, client.post("/tasks/" + taskId + "/workflow_steps/" + stepId + action, body.build(),
                Map.of()));
    }

    private static int printed(Output output, JsonObject step) {
        output.print(step, () -> output.out().println("step " + Output.text(step, "name") + " ("
                + Output.text(step, "workflow_step_id") + ") " + Output.text(step, "status")));
        return ExitCodes.OK;
    }

    // A step is named by its name, as the template calls it, or by its id.
    private static long stepId(ApiClient client, long taskId, String step) {
        if (step.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(step);
        }
        return client.get("/tasks/" + taskId + "/workflow_steps").getJsonArray("steps")
                .getValuesAs(JsonObject.class).stream()
                .filter(candidate -> step.equals(candidate.getString("name")))
                .findFirst()
                .map(found -> found.getJsonNumber("workflow_step_id").longValue())
                .orElseThrow(() -> new UsageException("task " + taskId + " has no step named '" + step + "'"));
    }
}
