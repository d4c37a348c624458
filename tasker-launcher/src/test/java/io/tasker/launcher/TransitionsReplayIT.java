package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.DocumentedStateMachines.Transition;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays every transition the integration suite recorded on the shared stack (the test classes run in order, and
 * this one last) against the state machines docs/architecture.md documents: the schema's functions must make no
 * change the documentation does not allow.
 */
@ExtendWith(TaskerStackExtension.class)
@Order(Integer.MAX_VALUE)
class TransitionsReplayIT {

    @Test
    void everyTransitionRecordedDuringTheSuiteIsOneTheDocumentedMachinesAllow(RunningStack stack) throws Exception {
        DocumentedStateMachines documented = DocumentedStateMachines.read(
                Path.of(System.getProperty("tasker.docs.dir", "../docs"), "architecture.md"));
        Map<Transition, Long> tasks = recorded(stack, "tasker_task_transitions");
        Map<Transition, Long> steps = recorded(stack, "tasker_workflow_step_transitions");
        System.out.println("Task transitions recorded by the suite: " + tasks);
        System.out.println("Step transitions recorded by the suite: " + steps);

        assertTrue(tasks.size() > 3 && steps.size() > 3, "the suite recorded too little to replay: " + tasks + steps);
        assertEquals(List.of(), undocumented(tasks, documented.task()), "task transitions the machine does not allow");
        assertEquals(List.of(), undocumented(steps, documented.step()), "step transitions the machine does not allow");
    }

    private static List<Transition> undocumented(Map<Transition, Long> recorded, Set<Transition> allowed) {
        return recorded.keySet().stream().filter(transition -> !allowed.contains(transition)).toList();
    }

    // Each (from, to) pair in the table, with how often it was recorded.
    private static Map<Transition, Long> recorded(RunningStack stack, String table) throws SQLException {
        LauncherSettings.DatabaseAddress db = stack.database();
        Map<Transition, Long> pairs = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT from_state, to_state, count(*) FROM " + table
                     + " GROUP BY from_state, to_state ORDER BY count(*) DESC")) {
            while (row.next()) {
                pairs.put(new Transition(row.getString(1), row.getString(2)), row.getLong(3));
            }
        }
        return pairs;
    }
}
