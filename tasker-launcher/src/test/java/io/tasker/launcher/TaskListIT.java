package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerClient.Reply;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /tasker/tasks}: filters, order, pages by offset and by cursor, the total, and a 400 naming the
 * parameter for each bad query. Each test tags its tasks with a tag of its own, so other tests' tasks never match.
 */
@ExtendWith(TaskerStackExtension.class)
class TaskListIT {

    private static final Duration FINISH_WITHIN = Duration.ofSeconds(30);

    @Test
    void findsTasksByEachFilterNewestFirst(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        String tag = uniqueTag();
        long first = create(client, "linear_workflow", tag, "alice", "billing", "{}");
        long failed = create(client, "linear_workflow", tag, "bob", "billing",
                "{\"fail_permanently\": [\"initialize_data\"]}");
        long last = create(client, "diamond_workflow", tag, "alice", "shop", "{}");
        JsonObject firstDone = client.awaitFinished(first, FINISH_WITHIN);
        assertEquals("error", client.awaitFinished(failed, FINISH_WITHIN).getString("status"));
        JsonObject lastDone = client.awaitFinished(last, FINISH_WITHIN);

        JsonObject all = list(client, "tag=" + tag);
        assertEquals(List.of(last, failed, first), ids(all));
        assertEquals(3, all.getInt("total"));
        assertTrue(all.isNull("next_cursor"), all.toString());
        JsonObject listed = all.getJsonArray("tasks").getJsonObject(0);
        assertFalse(listed.containsKey("workflow_steps"), "a list shows tasks without their steps: " + listed);
        assertEquals("examples.diamond_workflow@1.0.0", listed.getString("full_name"));

        assertEquals(List.of(failed), ids(list(client, "tag=" + tag + "&status=error")));
        assertEquals(List.of(last, first), ids(list(client, "tag=" + tag + "&status=complete")));
        assertEquals(List.of(last, failed, first), ids(list(client, "tag=" + tag + "&status=complete,error")));
        assertEquals(List.of(last, failed, first), ids(list(client, "tag=" + tag + "&status=error&status=complete")));
        assertEquals(List.of(last), ids(list(client, "tag=" + tag + "&name=diamond_workflow")));
        assertEquals(List.of(last, failed, first),
                ids(list(client, "tag=" + tag + "&namespace=examples&version=1.0.0")));
        assertEquals(List.of(), ids(list(client, "tag=" + tag + "&namespace=elsewhere")));
        assertEquals(List.of(), ids(list(client, "tag=" + tag + "&version=9.9.9")));
        assertEquals(List.of(last, first), ids(list(client, "tag=" + tag + "&initiator=alice")));
        assertEquals(List.of(failed, first), ids(list(client, "tag=" + tag + "&source_system=billing")));
        assertEquals(List.of(last, failed),
                ids(list(client, "tag=" + tag + "&created_after=" + encoded(firstDone.getString("created_at")))));
        assertEquals(List.of(failed, first),
                ids(list(client, "tag=" + tag + "&created_before=" + encoded(lastDone.getString("created_at")))));
        assertEquals(List.of(), ids(list(client, "tag=" + tag + "&completed_after="
                + encoded(lastDone.getString("completed_at")) + "&name=diamond_workflow")));
        assertTrue(ids(list(client, "tag=" + tag + "&completed_after=" + encoded(firstDone.getString("created_at"))))
                .containsAll(List.of(last, first)));
        assertEquals(List.of(first, failed, last), ids(list(client, "tag=" + tag + "&sort_order=asc")));
        assertEquals(List.of(first, failed, last),
                ids(list(client, "tag=" + tag + "&sort_by=task_id&sort_order=asc")));
        assertEquals(List.of(), ids(list(client, "tag=" + uniqueTag())));
    }

    @Test
    void pagesByCursorStayStableWhileTasksAreCreated(RunningStack stack) {
        TaskerClient client = stack.client();
        String tag = uniqueTag();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(client, "linear_workflow", tag, "paging", "it", "{}"));
        }

        JsonObject page1 = list(client, "tag=" + tag + "&limit=2");
        assertEquals(List.of(created.get(4), created.get(3)), ids(page1));
        assertEquals(5, page1.getInt("total"));
        String cursor = page1.getString("next_cursor");
        long newer = create(client, "linear_workflow", tag, "paging", "it", "{}");

        JsonObject page2 = list(client, "tag=" + tag + "&limit=2&cursor=" + cursor);
        assertEquals(List.of(created.get(2), created.get(1)), ids(page2));
        JsonObject page3 = list(client, "tag=" + tag + "&limit=2&cursor=" + page2.getString("next_cursor"));
        assertEquals(List.of(created.get(0)), ids(page3));
        assertTrue(page3.isNull("next_cursor"), page3.toString());

        // An offset counts from the top as it stands now, the newer task included.
        assertEquals(List.of(created.get(3), created.get(2)), ids(list(client, "tag=" + tag + "&limit=2&offset=2")));
        assertEquals(newer, ids(list(client, "tag=" + tag + "&limit=1")).get(0));
        JsonObject byId = list(client, "tag=" + tag + "&sort_by=task_id&sort_order=asc&limit=3");
        assertEquals(created.subList(0, 3), ids(byId));
        assertEquals(List.of(created.get(3), created.get(4), newer), ids(list(client,
                "tag=" + tag + "&sort_by=task_id&sort_order=asc&limit=3&cursor=" + byId.getString("next_cursor"))));
        JsonObject byUpdate = list(client, "tag=" + tag + "&sort_by=updated_at&limit=4");
        assertEquals(4, ids(byUpdate).size());
        assertEquals(2, ids(list(client, "tag=" + tag + "&sort_by=updated_at&limit=4&cursor="
                + byUpdate.getString("next_cursor"))).size());
    }

    @Test
    void aBadQueryIsRefusedNamingTheParameter(RunningStack stack) {
        TaskerClient client = stack.client();
        create(client, "linear_workflow", uniqueTag(), "bad-queries", "it", "{}");
        create(client, "linear_workflow", uniqueTag(), "bad-queries", "it", "{}");
        String newestFirstCursor = list(client, "limit=1").getString("next_cursor");
        Map<String, String> fieldOfBadQuery = Map.ofEntries(
                Map.entry("limit=0", "limit"),
                Map.entry("limit=501", "limit"),
                Map.entry("limit=ten", "limit"),
                Map.entry("limit=99999999999999999999", "limit"),
                Map.entry("limit=1&limit=2", "limit"),
                Map.entry("offset=-1", "offset"),
                Map.entry("offset=10001", "offset"),
                Map.entry("sort_by=name", "sort_by"),
                Map.entry("sort_order=up", "sort_order"),
                Map.entry("status=done", "status"),
                Map.entry("status=complete,", "status"),
                Map.entry("created_after=yesterday", "created_after"),
                Map.entry("created_before=2026-01-31", "created_before"),
                Map.entry("completed_after=12:00", "completed_after"),
                Map.entry("namespace=", "namespace"),
                Map.entry("colour=red", "colour"),
                Map.entry("cursor=not-a-cursor", "cursor"),
                Map.entry("cursor=" + newestFirstCursor + "&sort_by=task_id", "cursor"),
                Map.entry("cursor=" + newestFirstCursor + "&sort_order=asc", "cursor"),
                Map.entry("cursor=" + newestFirstCursor + "&offset=3", "offset"));
        fieldOfBadQuery.forEach((query, field) -> {
            Reply reply = client.get("/tasks?" + query);
            assertEquals(400, reply.status(), query + " -> " + reply.body());
            assertEquals("application/problem+json", reply.contentType(), query);
            List<String> fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(error -> error.getString("field")).toList();
            assertTrue(fields.contains(field), query + " names " + field + ": " + reply.body());
        });
        Reply several = client.get("/tasks?limit=0&sort_by=name&colour=red");
        assertEquals(3, several.json().getJsonArray("errors").size(), several.body().toString());
    }

    private static long create(TaskerClient client, String name, String tag, String initiator, String sourceSystem,
                               String context) {
        return client.createTask("{\"name\": \"" + name + "\", \"namespace\": \"examples\", \"tags\": [\"" + tag
                + "\"], \"initiator\": \"" + initiator + "\", \"source_system\": \"" + sourceSystem
                + "\", \"context\": " + context + "}");
    }

    private static JsonObject list(TaskerClient client, String query) {
        Reply reply = client.get("/tasks?" + query);
        assertEquals(200, reply.status(), query + " -> " + reply.body());
        JsonObject page = reply.json();
        assertNotNull(page.getJsonArray("tasks"), page.toString());
        return page;
    }

    /** The ids of a page's tasks, in its order. */
    static List<Long> ids(JsonObject page) {
        return page.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .map(task -> task.getJsonNumber("task_id").longValue()).toList();
    }

    private static String uniqueTag() {
        return "list-" + UUID.randomUUID();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
