package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerClient.Reply;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What can run: namespaces, the templates of each, and one template in full with its graph. */
@ExtendWith(TaskerStackExtension.class)
class HandlerDiscoveryIT {

    @Test
    void listsTheNamespacesAndTheirTasksWithTheirVersions(RunningStack stack) {
        TaskerClient client = stack.client();
        for (String path : List.of("/namespaces", "/handlers")) {
            Reply reply = client.get(path);
            assertEquals(200, reply.status(), path + " -> " + reply.body());
            JsonObject examples = reply.json().getJsonArray("namespaces").getValuesAs(JsonObject.class).stream()
                    .filter(namespace -> namespace.getString("name").equals("examples"))
                    .findFirst().orElseThrow(() -> new AssertionError("no examples in " + reply.body()));
            assertTrue(names(examples).containsAll(List.of("diamond_workflow", "linear_workflow")),
                    examples.toString());
        }
        JsonObject examples = client.get("/handlers/examples").json();
        JsonObject diamond = examples.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .filter(task -> task.getString("name").equals("diamond_workflow")).findFirst().orElseThrow();
        assertEquals(List.of("1.0.0"), strings(diamond, "versions"));
        assertEquals("1.0.0", diamond.getString("latest_version"));
    }

    @Test
    void showsATemplateWithItsStepsAndGraph(RunningStack stack) {
        TaskerClient client = stack.client();
        for (String path : List.of("/handlers/examples/diamond_workflow",
                "/handlers/examples/diamond_workflow?version=1.0.0")) {
            Reply reply = client.get(path);
            assertEquals(200, reply.status(), path + " -> " + reply.body());
            JsonObject template = reply.json();
            assertEquals("examples.diamond_workflow@1.0.0", template.getString("full_name"));
            assertEquals(7, template.getJsonArray("steps").size());
            JsonObject merge = template.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                    .filter(step -> step.getString("name").equals("merge_branches")).findFirst().orElseThrow();
            assertEquals(List.of("branch_one_validate", "branch_two_validate"), strings(merge, "depends_on"));
            assertEquals(3, merge.getInt("retry_limit"));
            JsonObject graph = template.getJsonObject("graph");
            assertEquals(List.of("start_workflow"), strings(graph, "roots"));
            assertEquals(List.of("end_workflow"), strings(graph, "leaves"));
            assertEquals(7, graph.getJsonArray("edges").size());
            assertEquals(0, graph.getJsonObject("levels").getInt("start_workflow"));
            assertEquals(3, graph.getJsonObject("levels").getInt("merge_branches"));
            assertEquals(4, graph.getJsonObject("levels").getInt("end_workflow"));
        }
    }

    @Test
    void anUnknownPartIsNamed(RunningStack stack) {
        TaskerClient client = stack.client();
        Map<String, String> partOfUnknown = Map.of(
                "/handlers/nowhere", "namespace 'nowhere'",
                "/handlers/nowhere/diamond_workflow", "namespace 'nowhere'",
                "/handlers/examples/no_such_task", "no task named 'no_such_task'",
                "/handlers/examples/diamond_workflow?version=9.9.9", "has no version 9.9.9");
        partOfUnknown.forEach((path, part) -> {
            Reply reply = client.get(path);
            assertEquals(404, reply.status(), path);
            assertTrue(reply.json().getString("detail").contains(part), path + ": " + reply.body());
        });
        Reply badVersion = client.get("/handlers/examples/diamond_workflow?version=latest");
        assertEquals(400, badVersion.status());
        assertEquals("version", badVersion.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    private static List<String> names(JsonObject namespace) {
        return namespace.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .map(task -> task.getString("name")).toList();
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
