package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.api.StepContext;
import io.tasker.examples.ExampleStepHandler;
import io.tasker.examples.ExecutionLedger;
import io.tasker.json.JsonDocuments;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import io.tasker.template.StepTemplate;
import io.tasker.test.RecordedTransition;
import io.tasker.test.TaskRun;
import io.tasker.test.TestTask;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test kit runs a task under the engine's rules: the same workflows, run by the server (PostgreSQL, Artemis,
 * Payara Micro) and by the kit in-process, go through the same transitions, step by step, and end with the same
 * results. The five example shapes run as they are, then with retries, a step out of attempts, a permanent failure
 * and a bypassed step. What only timing decides is left out of the comparison: the order of transitions of
 * different steps, the claimant's name, the jittered wait before a retry.
 */
@ExtendWith(TaskerStackExtension.class)
class KitConformanceIT {

    // The metadata both sides must agree on; the rest (claimed_by, backoff_seconds, delay_ms) depends on timing.
    private static final Set<String> COMPARED = Set.of("attempt", "retry_attempt", "permanent", "counted", "bypassed",
            "error_message", "error_class", "reason", "step_count", "total_steps", "completed_steps", "failed_steps",
            "cancelled_steps");

    private static final ExecutionLedger UNRECORDED = new ExecutionLedger() {
        @Override
        public void recordSuccess(StepContext step) {
        }

        @Override
        public void recordFailure(StepContext step) {
        }
    };

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("linear_workflow", "{}", List.of()),
                Arguments.of("diamond_workflow", "{}", List.of()),
                Arguments.of("parallel_merge_workflow", "{}", List.of()),
                Arguments.of("tree_workflow", "{}", List.of()),
                Arguments.of("mixed_workflow", "{}", List.of()),
                Arguments.of("linear_workflow", """
                        {"fail_times": {"process_data": 2}}""", List.of()),
                Arguments.of("diamond_workflow", """
                        {"fail_times": {"branch_one_process": 5}}""", List.of()),
                Arguments.of("mixed_workflow", """
                        {"fail_permanently": ["process_critical_data"]}""", List.of()),
                Arguments.of("mixed_workflow", "{}", List.of("process_optional_data")));
    }

    @ParameterizedTest(name = "{0} {1} bypassing {2}")
    @MethodSource("runs")
    void theKitMakesTheTransitionsTheServerMakes(String workflow, String context, List<String> bypassed,
                                                 RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask(Json.createObjectBuilder()
                .add("name", workflow).add("namespace", "examples").add("version", "1.0.0")
                .add("context", Json.createReader(new StringReader(context)).readObject())
                .add("bypass_steps", Json.createArrayBuilder(bypassed))
                .build().toString());
        JsonObject task = client.awaitFinished(taskId, Duration.ofSeconds(60));
        List<JsonObject> served = client.get("/tasks/" + taskId + "/transitions").json().getJsonArray("transitions")
                .getValuesAs(JsonObject.class);

        TestTask kit = TestTask.fromResource("META-INF/tasker/tasks/examples/" + workflow + ".yaml")
                .bypassing(bypassed.toArray(String[]::new));
        for (StepTemplate step : kit.template().steps()) {
            kit = kit.withHandler(step.name(), new ExampleStepHandler(UNRECORDED));
        }
        TaskRun run = kit.run(JsonDocuments.readObject(context));

        assertEquals(task.getString("status"), run.state().value(), run.toString());
        assertEquals(byStep(served.stream().map(change -> new Change(
                        change.isNull("step_name") ? null : change.getString("step_name"),
                        change.isNull("from_state") ? null : change.getString("from_state"),
                        change.getString("to_state"), compared(change.getJsonObject("metadata")))).toList()),
                byStep(run.transitions().stream().map(change -> new Change(change.stepName(), change.fromState(),
                        change.toState(), compared(change))).toList()),
                "transitions of task " + taskId + ", and the kit's: " + run);
        for (JsonObject step : task.getJsonArray("workflow_steps").getValuesAs(JsonObject.class)) {
            String name = step.getString("name");
            assertEquals(step.getString("status"), run.step(name).state().value(), name);
            assertEquals(step.getInt("attempts"), run.step(name).attempts(), name);
            if ("complete".equals(step.getString("status"))) {
                assertEquals(JsonDocuments.readObject(step.getJsonObject("results").toString()),
                        run.step(name).results(), name);
            }
        }
    }

    private record Change(String step, String from, String to, String metadata) {
    }

    // Each step's (and the task's) changes in order: the interleaving of different steps depends on timing.
    private static Map<String, List<String>> byStep(List<Change> changes) {
        Map<String, List<String>> byStep = new TreeMap<>();
        for (Change change : changes) {
            byStep.computeIfAbsent(change.step() == null ? "(task)" : change.step(), any -> new ArrayList<>())
                    .add(change.from() + " -> " + change.to() + " " + change.metadata());
        }
        return byStep;
    }

    private static String compared(JsonObject metadata) {
        Map<String, String> kept = new TreeMap<>();
        metadata.forEach((key, value) -> {
            if (COMPARED.contains(key)) {
                kept.put(key, value.getValueType() == JsonValue.ValueType.STRING
                        ? metadata.getString(key) : value.toString());
            }
        });
        return kept.toString();
    }

    private static String compared(RecordedTransition change) {
        Map<String, String> kept = new TreeMap<>();
        new LinkedHashMap<>(change.metadata()).forEach((key, value) -> {
            if (COMPARED.contains(key)) {
                kept.put(key, String.valueOf(value));
            }
        });
        return kept.toString();
    }
}
