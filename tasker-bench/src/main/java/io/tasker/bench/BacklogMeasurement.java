package io.tasker.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a backlog run measured: W1 workflows all submitted at once, then run to the end. End-to-end times run from a
 * workflow's acceptance (its request committed to the intake queue; for db-scheduler its row inserted); the
 * first-step wait from acceptance to its first step's start; the next-step wait from a step's end to the start of
 * the step after it: what a workflow already under way waits for while the backlog is worked off. Wall time runs
 * from the first acceptance to the last completion.
 */
record BacklogMeasurement(String system, int n, double wallSeconds, int steps, Percentiles endToEnd,
                          Percentiles firstStepWait, Percentiles nextStepWait) {

    static final String WORKLOAD = "backlog";

    static BacklogMeasurement of(String system, List<BacklogTimes> workflows) {
        Instant start = workflows.stream().map(BacklogTimes::accepted).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = workflows.stream().map(BacklogTimes::completed).max(Comparator.naturalOrder()).orElseThrow();
        List<Duration> endToEnd = new ArrayList<>();
        List<Duration> firstStep = new ArrayList<>();
        List<Duration> nextStep = new ArrayList<>();
        int steps = 0;
        for (BacklogTimes workflow : workflows) {
            endToEnd.add(Duration.between(workflow.accepted(), workflow.completed()));
            firstStep.add(Duration.between(workflow.accepted(), workflow.steps().get(0).started()));
            for (int i = 1; i < workflow.steps().size(); i++) {
                nextStep.add(Duration.between(workflow.steps().get(i - 1).ended(),
                        workflow.steps().get(i).started()));
            }
            steps += workflow.steps().size();
        }
        return new BacklogMeasurement(system, workflows.size(), Duration.between(start, end).toNanos() / 1e9, steps,
                new Percentiles(endToEnd), new Percentiles(firstStep), new Percentiles(nextStep));
    }

    double stepsPerSecond() {
        return steps / wallSeconds;
    }

    String toJsonLine(JsonObject environment) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("system", system)
                .add("workload", WORKLOAD)
                .add("n", n)
                .add("wall_s", Measurement.rounded(wallSeconds, 3))
                .add("steps_per_s", Measurement.rounded(stepsPerSecond(), 1))
                .add("p50_ms", Measurement.rounded(endToEnd.millis(50), 1))
                .add("p99_ms", Measurement.rounded(endToEnd.millis(99), 1))
                .add("first_step_wait_p50_ms", Measurement.rounded(firstStepWait.millis(50), 1))
                .add("first_step_wait_p99_ms", Measurement.rounded(firstStepWait.millis(99), 1))
                .add("next_step_wait_p50_ms", Measurement.rounded(nextStepWait.millis(50), 1))
                .add("next_step_wait_p99_ms", Measurement.rounded(nextStepWait.millis(99), 1))
                .add("next_step_wait_max_ms", Measurement.rounded(nextStepWait.millis(100), 1));
        environment.forEach(line::add);
        return line.build().toString();
    }

    String toTableRow() {
        return "%-12s %6d %8.2f %9.1f %9.1f %9.1f %11.1f %11.1f %11.1f %11.1f %11.1f".formatted(system, n,
                wallSeconds, stepsPerSecond(), endToEnd.millis(50), endToEnd.millis(99), firstStepWait.millis(50),
                firstStepWait.millis(99), nextStepWait.millis(50), nextStepWait.millis(99), nextStepWait.millis(100));
    }

    static String tableHeader() {
        return "%-12s %6s %8s %9s %9s %9s %11s %11s %11s %11s %11s".formatted("backlog", "n", "wall s", "steps/s",
                "p50 ms", "p99 ms", "1st wait50", "1st wait99", "next wait50", "next wait99", "next max");
    }
}
