package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The events the integration suite published on the shared stack, as the examples' event ledger received them
 * (the test classes run in order, and this one next to last): each event of the catalog was published at least
 * once, and nothing was published that the catalog does not list.
 */
@ExtendWith(TaskerStackExtension.class)
@Order(Integer.MAX_VALUE - 1)
class EventCatalogCoverageIT {

    @Test
    void theSuitePublishedEveryEventOfTheCatalogAndNoOther(RunningStack stack) throws Exception {
        Set<String> catalog = stack.client().get("/events").json().getJsonArray("events")
                .getValuesAs(JsonObject.class).stream().map(event -> event.getString("name"))
                .collect(Collectors.toCollection(TreeSet::new));
        awaitLedgerCaughtUp(stack);

        Set<String> published = query(stack, "SELECT DISTINCT name FROM tasker_examples_events");
        System.out.println("Events the suite published: " + published);

        assertEquals(Set.of(), difference(catalog, published), "events of the catalog the suite never published");
        assertEquals(Set.of(), difference(published, catalog), "events published that the catalog does not list");
    }

    // Until the ledger's cursor has passed every transaction that wrote a transition before now.
    private static void awaitLedgerCaughtUp(RunningStack stack) throws Exception {
        String written = query(stack, "SELECT greatest((SELECT max(xact_id::text::bigint) FROM "
                + "tasker_task_transitions), (SELECT max(xact_id::text::bigint) FROM "
                + "tasker_workflow_step_transitions))::text").iterator().next();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Long.parseLong(query(stack, "SELECT xact_id::text FROM tasker_event_cursors WHERE name = "
                + "'subscriber:io.tasker.examples.EventLedger'").iterator().next()) < Long.parseLong(written)) {
            assertTrue(Instant.now().isBefore(deadline), "the ledger did not catch up with transaction " + written);
            Thread.sleep(200);
        }
    }

    private static Set<String> difference(Set<String> all, Set<String> minus) {
        Set<String> left = new TreeSet<>(all);
        left.removeAll(minus);
        return left;
    }

    private static Set<String> query(RunningStack stack, String sql) throws SQLException {
        LauncherSettings.DatabaseAddress db = stack.database();
        Set<String> values = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }
}
