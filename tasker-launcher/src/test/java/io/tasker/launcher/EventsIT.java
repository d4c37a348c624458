package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events reach the example subscriber (EventLedger, switched on for the whole suite by the test node's settings),
 * which records each in a table: what a workflow publishes, in order, once per occurrence; a subscriber that throws
 * changes nothing in the workflow; and the catalog the API serves.
 */
@ExtendWith(TaskerStackExtension.class)
class EventsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(15);

    /** An event as the ledger recorded it. */
    record Recorded(String name, String step, Integer attempt, String from, String to, String data) {
    }

    @Test
    void aDiamondWithARetriedStepPublishesEachChangeOnceInOrder(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "diamond_workflow", "namespace": "examples", "version": "1.0.0",
                 "context": {"fail_times": {"branch_one_process": 1}}}""");
        assertEquals("complete", client.awaitFinished(taskId, Duration.ofSeconds(30)).getString("status"));

        List<Recorded> events = awaitRecorded(stack, taskId, "task.completed");

        assertEquals(List.of("task.created", "task.started", "task.requeued", "task.resumed", "task.completed"),
                names(events, null));
        for (String step : List.of("start_workflow", "branch_two_process", "branch_one_validate",
                "branch_two_validate", "end_workflow")) {
            assertEquals(List.of("step.created", "step.started", "step.completed"), names(events, step), step);
        }
        assertEquals(List.of("step.created", "step.started", "examples.branches_merged", "step.completed"),
                names(events, "merge_branches"), "the handler's custom event, in its attempt's transaction");
        Recorded merged = events.stream().filter(event -> event.name().equals("examples.branches_merged"))
                .findFirst().orElseThrow();
        assertEquals(new Recorded("examples.branches_merged", "merge_branches", 1, null, null, null),
                withoutData(merged));
        assertEquals("{\"branches\": [\"branch_one_validate\", \"branch_two_validate\"]}", merged.data());
        assertEquals(List.of("step.created", "step.started", "step.failed", "step.retry_scheduled",
                "step.retry_requested", "step.started", "step.completed"), names(events, "branch_one_process"));
        List<Recorded> retried = events.stream().filter(event -> "branch_one_process".equals(event.step())).toList();
        assertEquals(new Recorded("step.failed", "branch_one_process", 1, "in_progress", "error", null),
                withoutData(retried.get(2)));
        assertTrue(retried.get(2).data().contains("\"kind\": \"retryable\""), retried.get(2).data());
        assertTrue(retried.get(3).data().contains("\"backoff_seconds\": 1"), retried.get(3).data());
        assertEquals(List.of(1, 1, 1, 2, 2, 2), retried.subList(1, 7).stream().map(Recorded::attempt).toList());
        assertEquals("task.created", events.get(0).name(), "the task's creation comes before its steps'");
        assertEquals("task.completed", events.get(events.size() - 1).name(),
                "the last step's completion comes before the task's, in the same transaction");
    }

    @Test
    void aFailedAttemptsPublicationRollsBackWithIt(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "diamond_workflow", "namespace": "examples", "version": "1.0.0",
                 "context": {"fail_times": {"merge_branches": 1}}}""");
        assertEquals("complete", client.awaitFinished(taskId, Duration.ofSeconds(30)).getString("status"));

        List<Recorded> merge = awaitRecorded(stack, taskId, "task.completed").stream()
                .filter(event -> "merge_branches".equals(event.step())).toList();

        assertEquals(List.of("step.created", "step.started", "step.failed", "step.retry_scheduled",
                "step.retry_requested", "step.started", "examples.branches_merged", "step.completed"),
                merge.stream().map(Recorded::name).toList(), "attempt 1 published too, and rolled back");
        assertEquals(2, merge.get(6).attempt());
    }

    @Test
    void aSubscriberThatThrowsChangesNothingInTheWorkflow(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        double failuresBefore = failures(client);
        TaskerClient.Reply created = client.post("/tasks", """
                {"name": "linear_workflow", "namespace": "examples", "version": "1.0.0", "context": {}}""",
                Map.of("Content-Type", "application/json", "X-Correlation-ID", "ledger-throws-" + Instant.now()
                        .toEpochMilli()));
        assertEquals(201, created.status(), created.body().toString());
        long refused = created.json().getJsonNumber("task_id").longValue();
        long recorded = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples", "version": "1.0.0", "context": {}}""");

        JsonObject refusedTask = client.awaitFinished(refused, Duration.ofSeconds(30));
        assertEquals("complete", refusedTask.getString("status"));
        assertEquals("complete", client.awaitFinished(recorded, Duration.ofSeconds(30)).getString("status"));
        awaitRecorded(stack, recorded, "task.completed");
        assertEquals(List.of(), recorded(stack, refused), "the ledger threw on each of its events");
        // task.created, task.started, task.completed, and created, started, completed for each of its steps.
        int refusedEvents = 3 + 3 * refusedTask.getJsonArray("workflow_steps").size();
        Instant deadline = Instant.now().plus(DELIVERY);
        while (failures(client) < failuresBefore + refusedEvents && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(failuresBefore + refusedEvents, failures(client), "each refused event counted once");
    }

    @Test
    void theCatalogListsEveryEventWithItsSchemaAndAnExample(RunningStack stack) {
        TaskerClient client = stack.client();

        JsonObject all = client.get("/events").json();
        assertEquals(22, all.getJsonArray("events").size(), "Tasker's 21 and the examples' one: " + all);
        JsonObject custom = client.get("/events?category=examples").json().getJsonArray("events")
                .getJsonObject(0);
        assertEquals("examples.branches_merged", custom.getString("name"));
        assertEquals(List.of("examples.diamond_workflow@1.0.0"), custom.getJsonArray("declared_by")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(custom.isNull("transition"));
        assertEquals(List.of("branches"), custom.getJsonObject("payload_schema").getJsonObject("properties")
                .getJsonObject("data").getJsonArray("required").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        List<String> steps = client.get("/events?category=step&q=retry").json().getJsonArray("events")
                .getValuesAs(JsonObject.class).stream().map(event -> event.getString("name")).toList();
        assertEquals(List.of("step.retry_scheduled", "step.retry_requested"), steps);
        JsonObject failed = client.get("/events/step.failed").json();
        assertEquals("in_progress → error", failed.getString("transition"));
        assertEquals("step.failed", failed.getJsonObject("example").getString("name"));
        assertEquals("object", failed.getJsonObject("payload_schema").getString("type"));

        TaskerClient.Reply unknown = client.get("/events/step.exploded");
        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.contentType());
        TaskerClient.Reply badCategory = client.get("/events?category=workflow");
        assertEquals(400, badCategory.status());
        assertTrue(badCategory.body().toString().contains("\"category\""), badCategory.body().toString());
    }

    private static double failures(TaskerClient client) throws Exception {
        return Metrics.scrape(client).sum("tasker_event_subscriber_failures_total",
                Map.of("subscriber", "io.tasker.examples.EventLedger"));
    }

    // The task's events in the order the ledger received them, once the given one is among them.
    private static List<Recorded> awaitRecorded(RunningStack stack, long taskId, String last) throws Exception {
        Instant deadline = Instant.now().plus(DELIVERY);
        List<Recorded> events = recorded(stack, taskId);
        while (events.stream().noneMatch(event -> event.name().equals(last))) {
            assertTrue(Instant.now().isBefore(deadline), "no " + last + " of task " + taskId + " recorded: " + events);
            Thread.sleep(100);
            events = recorded(stack, taskId);
        }
        return events;
    }

    private static List<Recorded> recorded(RunningStack stack, long taskId) throws SQLException {
        LauncherSettings.DatabaseAddress db = stack.database();
        List<Recorded> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement select = connection.prepareStatement("""
                     SELECT name, step_name, attempt, from_state, to_state, data::text
                       FROM tasker_examples_events WHERE task_id = ? ORDER BY received_seq""")) {
            select.setLong(1, taskId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(new Recorded(row.getString(1), row.getString(2), (Integer) row.getObject(3),
                            row.getString(4), row.getString(5), row.getString(6)));
                }
            }
        }
        return events;
    }

    private static List<String> names(List<Recorded> events, String step) {
        return events.stream().filter(event -> step == null ? event.step() == null : step.equals(event.step()))
                .map(Recorded::name).toList();
    }

    private static Recorded withoutData(Recorded event) {
        return new Recorded(event.name(), event.step(), event.attempt(), event.from(), event.to(), null);
    }
}
