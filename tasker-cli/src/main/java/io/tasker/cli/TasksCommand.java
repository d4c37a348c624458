package io.tasker.cli;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tasks list|show|create|cancel|retry}. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Find, show, create, cancel and retry tasks.")
final class TasksCommand {

    private static final Set<String> FINISHED = Set.of("complete", "error", "cancelled", "resolved_manually");
    private static final Duration POLL = Duration.ofMillis(200);

    @Command(name = "list",
            description = "Tasks, newest first, a page at a time (GET /tasks).")
    int list(@Mixin ServerOptions server, @Mixin Output output,
             @Option(names = "--namespace", description = "Tasks of this namespace only.") String namespace,
             @Option(names = "--name", description = "Tasks of this template only.") String name,
             @Option(names = "--version", description = "Tasks of this template version only.") String version,
             @Option(names = "--status", description = "One or more states, comma-separated.") String status,
             @Option(names = "--tag", description = "Tasks with this tag only.") String tag,
             @Option(names = "--limit", description = "1 to 500 (the server's default: 20).") String limit,
             @Option(names = "--cursor", description = "The next page: the cursor the previous one printed.")
             String cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("namespace", namespace);
        query.put("name", name);
        query.put("version", version);
        query.put("status", status);
        query.put("tag", tag);
        query.put("limit", limit);
        query.put("cursor", cursor);
        JsonObject page = server.client().get("/tasks" + ApiClient.query(query));
        output.print(page, () -> {
            output.table(List.of("TASK_ID", "TASK", "STATUS", "CREATED_AT", "COMPLETED_AT"),
                    page.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                            .map(task -> List.of(Output.text(task, "task_id"), Output.text(task, "full_name"),
                                    Output.text(task, "status"), Output.text(task, "created_at"),
                                    Output.text(task, "completed_at")))
                            .toList());
            if (!page.isNull("next_cursor")) {
                output.out().println("more: --cursor " + page.getString("next_cursor"));
            }
        });
        return 0;
    }

    @Command(name = "show", description = "A task and its steps (GET /tasks/{id}).")
    int show(@Mixin ServerOptions server, @Mixin Output output,
             @Parameters(paramLabel = "<task_id>") long taskId) {
        JsonObject task = server.client().get("/tasks/" + taskId);
        output.print(task, () -> describe(output, task));
        return 0;
    }

    @Command(name = "create",
            description = "Creates a task (POST /tasks); prints its id, or with --wait the task once finished.")
    int create(@Mixin ServerOptions server, @Mixin Output output,
               @Option(names = "--name", required = true, description = "The task template's name.") String name,
               @Option(names = "--namespace", description = "Its namespace (the server's default: default).")
               String namespace,
               @Option(names = "--version", description = "Its version (default: the latest registered).")
               String version,
               @Option(names = "--context", paramLabel = "<json|@file>", defaultValue = "{}",
                       description = "The task's context: a JSON object, or @ and a file holding one.")
               String context,
               @Option(names = "--bypass", split = ",", paramLabel = "<step>",
                       description = "Skippable steps to resolve without running them.") List<String> bypass,
               @Option(names = "--tag", paramLabel = "<tag>", description = "A tag of the task (repeatable).")
               List<String> tags,
               @Option(names = "--reason", description = "Why the task is created, kept with it.") String reason,
               @Option(names = "--idempotency-key", paramLabel = "<key>",
                       description = "Repeating the request with the key returns the first task.") String key,
               @Option(names = "--wait", description = "Wait until the task is finished; exit 0 only when it "
                       + "completed, 4 otherwise.") boolean wait,
               @Option(names = "--timeout", defaultValue = "300", paramLabel = "<seconds>",
                       description = "How long --wait waits (default ${DEFAULT-VALUE} s).") long timeout)
            throws InterruptedException {
        JsonObjectBuilder request = Json.createObjectBuilder().add("name", name)
                .add("context", JsonArguments.object("--context", context));
        if (namespace != null) {
            request.add("namespace", namespace);
        }
        if (version != null) {
            request.add("version", version);
        }
        if (reason != null) {
            request.add("reason", reason);
        }
        if (bypass != null) {
            request.add("bypass_steps", Json.createArrayBuilder(bypass));
        }
        if (tags != null) {
            request.add("tags", Json.createArrayBuilder(tags));
        }
        ApiClient client = server.client();
        JsonObject created = client.post("/tasks", request.build(),
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
        long taskId = created.getJsonNumber("task_id").longValue();
        if (!wait) {
            output.print(created, () -> output.out().println(taskId));
            return 0;
        }
        JsonObject task = awaitFinished(client, taskId, Duration.ofSeconds(timeout));
        output.print(task, () -> describe(output, task));
        if (!FINISHED.contains(task.getString("status"))) {
            output.err().println("task " + taskId + " not finished within --timeout " + timeout + " s (it is "
                    + task.getString("status") + ")");
            output.err().flush();
        }
        return "complete".equals(task.getString("status")) ? 0 : ExitCodes.NOT_COMPLETE;
    }

    @Command(name = "cancel",
            description = "Cancels a pending or running task and its unfinished steps (DELETE /tasks/{id}).")
    int cancel(@Mixin ServerOptions server, @Mixin Output output, @Mixin Operator operator,
               @Parameters(paramLabel = "<task_id>") long taskId) {
        JsonObject task = server.client().delete("/tasks/" + taskId + ApiClient.query(operator.query()));
        output.print(task, () -> output.out().println("task " + taskId + " " + task.getString("status")));
        return 0;
    }

    @Command(name = "retry",
            description = "Runs a task in error again: each step in error with a fresh attempt budget "
                    + "(POST /tasks/{id}/retry).")
    int retry(@Mixin ServerOptions server, @Mixin Output output, @Mixin Operator operator,
              @Parameters(paramLabel = "<task_id>") long taskId) {
        JsonObject task = server.client().post("/tasks/" + taskId + "/retry", operator.body().build(), Map.of());
        output.print(task, () -> output.out().println("task " + taskId + " " + task.getString("status")));
        return 0;
    }

    private static JsonObject awaitFinished(ApiClient client, long taskId, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject task = client.get("/tasks/" + taskId);
        while (!FINISHED.contains(task.getString("status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            task = client.get("/tasks/" + taskId);
        }
        return task;
    }

    static void describe(Output output, JsonObject task) {
        output.out().println("task " + Output.text(task, "task_id") + "  " + Output.text(task, "full_name") + "  "
                + Output.text(task, "status") + "  created " + Output.text(task, "created_at"));
        JsonArray steps = task.getJsonArray("workflow_steps");
        if (steps == null) {
            return;
        }
        output.table(List.of("STEP_ID", "STEP", "STATUS", "ATTEMPTS", "ERROR"),
                steps.getValuesAs(JsonObject.class).stream()
                        .map(step -> List.of(Output.text(step, "workflow_step_id"), Output.text(step, "name"),
                                Output.text(step, "status"), Output.text(step, "attempts") + "/"
                                        + Output.text(step, "retry_limit"), error(step)))
                        .toList());
    }

    private static String error(JsonObject step) {
        return "error".equals(step.getString("status", "")) && step.get("results") instanceof JsonObject results
                ? Output.text(results, "error") : "";
    }
}
