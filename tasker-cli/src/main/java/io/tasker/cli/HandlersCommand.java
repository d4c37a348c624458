package io.tasker.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code handlers list}: the task templates a server has registered. */
@Command(name = "handlers", mixinStandardHelpOptions = true, description = "The workflows a server can run.")
final class HandlersCommand {

    @Command(name = "list",
            description = "Every registered task template, by namespace, with its versions (GET /handlers).")
    int list(@Mixin ServerOptions server, @Mixin Output output) {
        JsonObject registered = server.client().get("/handlers");
        output.print(registered, () -> {
            List<List<String>> rows = new ArrayList<>();
            for (JsonObject namespace : registered.getJsonArray("namespaces").getValuesAs(JsonObject.class)) {
                for (JsonObject task : namespace.getJsonArray("tasks").getValuesAs(JsonObject.class)) {
                    rows.add(List.of(namespace.getString("name"), task.getString("name"),
                            Output.text(task, "latest_version"), String.join(", ", task.getJsonArray("versions")
                                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList())));
                }
            }
            output.table(List.of("NAMESPACE", "TASK", "LATEST", "VERSIONS"), rows);
        });
        return ExitCodes.OK;
    }
}
