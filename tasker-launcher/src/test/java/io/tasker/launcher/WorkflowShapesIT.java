package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each example shape runs to complete over HTTP, every step after all of its parents and reading their results. */
@ExtendWith(TaskerStackExtension.class)
class WorkflowShapesIT {

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("linear_workflow", Map.of(
                        "initialize_data", List.of(),
                        "validate_input", List.of("initialize_data"),
                        "process_data", List.of("validate_input"),
                        "transform_results", List.of("process_data"),
                        "validate_output", List.of("transform_results"),
                        "finalize_workflow", List.of("validate_output"))),
                Arguments.of("diamond_workflow", Map.of(
                        "start_workflow", List.of(),
                        "branch_one_process", List.of("start_workflow"),
                        "branch_two_process", List.of("start_workflow"),
                        "branch_one_validate", List.of("branch_one_process"),
                        "branch_two_validate", List.of("branch_two_process"),
                        "merge_branches", List.of("branch_one_validate", "branch_two_validate"),
                        "end_workflow", List.of("merge_branches"))),
                Arguments.of("parallel_merge_workflow", Map.of(
                        "fetch_user_data", List.of(),
                        "fetch_order_data", List.of(),
                        "fetch_inventory_data", List.of(),
                        "fetch_pricing_data", List.of(),
                        "process_user_data", List.of("fetch_user_data"),
                        "process_order_data", List.of("fetch_order_data"),
                        "merge_all_data", List.of("fetch_inventory_data", "fetch_pricing_data", "process_order_data",
                                "process_user_data"))),
                Arguments.of("tree_workflow", Map.of(
                        "root_initialization", List.of(),
                        "branch_a_setup", List.of("root_initialization"),
                        "branch_b_setup", List.of("root_initialization"),
                        "branch_a_task_one", List.of("branch_a_setup"),
                        "branch_a_task_two", List.of("branch_a_setup"),
                        "branch_b_task_one", List.of("branch_b_setup"),
                        "branch_b_task_two", List.of("branch_b_setup"),
                        "aggregate_results", List.of("branch_a_task_one", "branch_a_task_two", "branch_b_task_one",
                                "branch_b_task_two"))),
                Arguments.of("mixed_workflow", Map.of(
                        "init_auth", List.of(),
                        "init_config", List.of(),
                        "validate_permissions", List.of("init_auth"),
                        "setup_environment", List.of("init_config"),
                        "begin_processing", List.of("setup_environment", "validate_permissions"),
                        "process_critical_data", List.of("begin_processing"),
                        "process_optional_data", List.of("begin_processing"),
                        "cleanup_temp_files", List.of("setup_environment"),
                        "finalize_and_report", List.of("cleanup_temp_files", "process_critical_data"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void runsToComplete(String shape, Map<String, List<String>> parents, RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "%s", "namespace": "examples", "version": "1.0.0", "context": {}}""".formatted(shape));

        JsonObject task = client.awaitFinished(taskId, Duration.ofSeconds(30));

        assertEquals("complete", task.getString("status"), task.toString());
        assertTrue(task.getBoolean("complete"));
        assertEquals("examples." + shape + "@1.0.0", task.getString("full_name"));
        Map<String, Instant> finishedAt = new HashMap<>();
        List<JsonObject> steps = task.getJsonArray("workflow_steps").getValuesAs(JsonObject.class);
        assertEquals(parents.keySet(), steps.stream().map(step -> step.getString("name"))
                .collect(java.util.stream.Collectors.toSet()));
        for (JsonObject step : steps) {
            String name = step.getString("name");
            assertEquals("complete", step.getString("status"), name);
            assertEquals(1, step.getInt("attempts"), name);
            JsonObject results = step.getJsonObject("results");
            assertEquals(name, results.getString("step"));
            assertEquals(parents.get(name), results.getJsonArray("parents_read").getValuesAs(JsonString.class)
                    .stream().map(JsonString::getString).toList(), name);
            finishedAt.put(name, Instant.parse(step.getString("processed_at")));
        }
        parents.forEach((step, stepParents) -> stepParents.forEach(parent ->
                assertFalse(finishedAt.get(step).isBefore(finishedAt.get(parent)), step + " finished before " + parent)));
    }

    @Test
    void claimsIndependentStepsTogetherSoTheyRunConcurrently(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "parallel_merge_workflow", "namespace": "examples", "context": {}}""");
        assertEquals("complete", client.awaitFinished(taskId, Duration.ofSeconds(30)).getString("status"));

        // All four roots are claimed (in_progress) before the first of them completes.
        String sql = """
                SELECT max(t.created_at) FILTER (WHERE t.to_state = 'in_progress') < min(t.created_at)
                           FILTER (WHERE t.to_state = 'complete')
                  FROM tasker_workflow_step_transitions t
                  JOIN tasker_workflow_steps s ON s.workflow_step_id = t.workflow_step_id
                 WHERE s.task_id = ? AND s.name LIKE 'fetch_%'""";
        LauncherSettings.DatabaseAddress db = stack.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, taskId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                assertTrue(row.getBoolean(1), "the four roots were not all running before the first finished");
            }
        }
    }
}
