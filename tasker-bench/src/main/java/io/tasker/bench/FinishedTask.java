package io.tasker.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A workflow as the API reports it once it has finished, with the server's timestamps.
 *
 * @param firstStepDone when its earliest step was processed, if any was
 * @param attempts attempts by step name
 */
public record FinishedTask(long taskId, String status, Instant createdAt, Instant completedAt,
                           Optional<Instant> firstStepDone, Map<String, Integer> attempts) {

    /** Reads a task of the API ({@code GET /tasks/{id}}). */
    public static FinishedTask of(JsonObject task) {
        List<JsonObject> steps = task.getJsonArray("workflow_steps").getValuesAs(JsonObject.class);
        return new FinishedTask(
                task.getJsonNumber("task_id").longValue(),
                task.getString("status"),
                instant(task, "created_at").orElseThrow(),
                instant(task, "completed_at").orElse(null),
                steps.stream().map(step -> instant(step, "processed_at")).flatMap(Optional::stream)
                        .min(Instant::compareTo),
                steps.stream().collect(Collectors.toMap(step -> step.getString("name"),
                        step -> step.getInt("attempts"))));
    }

    /** From creation to completion, by the server's clock. */
    public Duration latency() {
        return Duration.between(createdAt, completedAt);
    }

    /** What differs from a workflow of the workload that went as scripted; empty when nothing does. */
    public List<String> deviationsFrom(Workload workload) {
        List<String> deviations = new ArrayList<>();
        if (!"complete".equals(status) || completedAt == null) {
            deviations.add("task " + taskId + " ended " + status);
        }
        for (String step : workload.steps()) {
            int expected = workload.expectedAttempts(step);
            Integer actual = attempts.get(step);
            if (actual == null || actual != expected) {
                deviations.add("task " + taskId + " step " + step + ": " + actual + " attempts, expected " + expected);
            }
        }
        return deviations;
    }

    private static Optional<Instant> instant(JsonObject object, String field) {
        JsonValue value = object.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? Optional.empty()
                : Optional.of(OffsetDateTime.parse(object.getString(field)).toInstant());
    }
}
