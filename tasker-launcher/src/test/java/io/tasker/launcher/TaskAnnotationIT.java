package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerClient.Reply;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code PATCH /tasker/tasks/{task_id}}: an operator changes a task's reason and tags, and nothing else. */
@ExtendWith(TaskerStackExtension.class)
class TaskAnnotationIT {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void changesTheReasonAndTagsTheListsThenFindItBy(RunningStack stack) {
        TaskerClient client = stack.client();
        String before = "before-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        long taskId = client.createTask("{\"name\": \"linear_workflow\", \"namespace\": \"examples\", \"context\": {},"
                + " \"reason\": \"nightly\", \"tags\": [\"" + before + "\"]}");

        Reply changed = client.patch("/tasks/" + taskId, MERGE_PATCH,
                "{\"reason\": \"re-run after the outage\", \"tags\": [\"" + after + "\", \"ops\"]}");
        assertEquals(200, changed.status(), changed.body().toString());
        assertEquals("re-run after the outage", changed.json().getString("reason"));
        assertEquals(List.of(after, "ops"), tags(changed.json()));
        assertEquals(List.of(taskId), TaskListIT.ids(client.get("/tasks?tag=" + after).json()));
        assertEquals(List.of(), TaskListIT.ids(client.get("/tasks?tag=" + before).json()));

        Reply tagsOnly = client.patch("/tasks/" + taskId, "application/json", "{\"tags\": []}");
        assertEquals("re-run after the outage", tagsOnly.json().getString("reason"), "a reason left out stays");
        assertEquals(List.of(), tags(tagsOnly.json()));
        Reply cleared = client.patch("/tasks/" + taskId, MERGE_PATCH, "{\"reason\": null}");
        assertTrue(cleared.json().isNull("reason"), cleared.body().toString());
        assertEquals(cleared.json().getString("status"), client.get("/tasks/" + taskId).json().getString("status"));
    }

    @Test
    void aBadChangeIsRefusedNamingTheField(RunningStack stack) {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples", "context": {}}""");
        Map<String, String> fieldOfBadBody = Map.of(
                "{}", "body",
                "[]", "body",
                "{\"status\": \"complete\"}", "status",
                "{\"reason\": 7}", "reason",
                "{\"reason\": \"" + "r".repeat(129) + "\"}", "reason",
                "{\"tags\": null}", "tags",
                "{\"tags\": [\"ok\", 3]}", "tags",
                "{\"tags\": \"ops\"}", "tags");
        fieldOfBadBody.forEach((body, field) -> {
            Reply reply = client.patch("/tasks/" + taskId, MERGE_PATCH, body);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertEquals("application/problem+json", reply.contentType(), body);
            assertTrue(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .anyMatch(error -> error.getString("field").equals(field)), body + " names " + field + ": "
                    + reply.body());
        });
        assertEquals(400, client.patch("/tasks/" + taskId, MERGE_PATCH, "{\"reason\":").status());
        assertEquals(404, client.patch("/tasks/999999999", MERGE_PATCH, "{\"reason\": \"x\"}").status());
        Reply badId = client.patch("/tasks/abc", MERGE_PATCH, "{\"reason\": \"x\"}");
        assertEquals(400, badId.status());
        assertEquals("task_id", badId.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply wrongType = client.patch("/tasks/" + taskId, "text/plain", "reason=x");
        assertEquals(415, wrongType.status(), String.valueOf(wrongType.body()));
        assertEquals("application/problem+json", wrongType.contentType());
    }

    private static List<String> tags(JsonObject task) {
        return task.getJsonArray("tags").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
