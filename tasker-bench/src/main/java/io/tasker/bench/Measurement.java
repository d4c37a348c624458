package io.tasker.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one benchmark run measured. Wall time runs from the first workflow's creation to the last one's completion,
 * by the server's clock; latencies are each workflow's creation to completion.
 *
 * @param system what ran the workload: {@code tasker}, or the peer it is compared with
 * @param firstStepSeconds from the first creation until the first step of the run was processed
 * @param rssMb the server process's peak resident memory so far, when the benchmark knows the process
 * @param cpuMsPerWorkflow the whole machine's CPU time during the run per workflow ({@link MachineCpu})
 */
public record Measurement(String system, String workload, int n, int stepsPerWorkflow, double wallSeconds, double p50Ms,
                          double p95Ms, double p99Ms, OptionalDouble firstStepSeconds, OptionalLong rssMb,
                          OptionalDouble cpuMsPerWorkflow) {

    /**
     * Measures a run of finished workflows by their timestamps.
     *
     * @throws IllegalStateException when a workflow did not complete as scripted, naming the deviations
     */
    public static Measurement of(String system, String name, Workload workload, List<FinishedTask> finished,
                                 OptionalLong rssMb, OptionalDouble cpuMsPerWorkflow) {
        List<String> deviations = finished.stream().flatMap(task -> task.deviationsFrom(workload).stream()).toList();
        if (!deviations.isEmpty()) {
            throw new IllegalStateException(deviations.size() + " workflows of " + name + " did not run as scripted "
                    + "on " + system + ": " + deviations.subList(0, Math.min(10, deviations.size())));
        }
        Instant start = finished.stream().map(FinishedTask::createdAt).min(Instant::compareTo).orElseThrow();
        Instant end = finished.stream().map(FinishedTask::completedAt).max(Instant::compareTo).orElseThrow();
        Percentiles latencies = new Percentiles(finished.stream().map(FinishedTask::latency).toList());
        OptionalDouble firstStep = finished.stream().map(FinishedTask::firstStepDone).flatMap(Optional::stream)
                .min(Instant::compareTo)
                .map(first -> OptionalDouble.of(Duration.between(start, first).toNanos() / 1e9))
                .orElse(OptionalDouble.empty());
        return new Measurement(system, name, finished.size(), workload.steps().size(),
                Duration.between(start, end).toNanos() / 1e9, latencies.millis(50), latencies.millis(95),
                latencies.millis(99), firstStep, rssMb, cpuMsPerWorkflow);
    }

    public double workflowsPerSecond() {
        return n / wallSeconds;
    }

    public double stepsPerSecond() {
        return (double) n * stepsPerWorkflow / wallSeconds;
    }

    /** One line of the results file: the measured fields, then what describes the run ({@code environment}). */
    public String toJsonLine(JsonObject environment) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("system", system)
                .add("workload", workload)
                .add("n", n)
                .add("wall_s", rounded(wallSeconds, 3))
                .add("workflows_per_s", rounded(workflowsPerSecond(), 1))
                .add("steps_per_s", rounded(stepsPerSecond(), 1))
                .add("p50_ms", rounded(p50Ms, 1))
                .add("p95_ms", rounded(p95Ms, 1))
                .add("p99_ms", rounded(p99Ms, 1));
        if (firstStepSeconds.isPresent()) {
            line.add("first_step_s", rounded(firstStepSeconds.getAsDouble(), 3));
        } else {
            line.addNull("first_step_s");
        }
        if (rssMb.isPresent()) {
            line.add("rss_mb", rssMb.getAsLong());
        } else {
            line.addNull("rss_mb");
        }
        if (cpuMsPerWorkflow.isPresent()) {
            line.add("cpu_ms_per_workflow", rounded(cpuMsPerWorkflow.getAsDouble(), 2));
        } else {
            line.addNull("cpu_ms_per_workflow");
        }
        environment.forEach(line::add);
        return line.build().toString();
    }

    /** One row of the printed table. */
    public String toTableRow() {
        return "%-12s %-13s %6d %8.2f %12.1f %10.1f %8.1f %8.1f %8.1f %13s %7s %9s".formatted(system, workload, n,
                wallSeconds,
                workflowsPerSecond(), stepsPerSecond(), p50Ms, p95Ms, p99Ms,
                firstStepSeconds.isPresent() ? "%.3f".formatted(firstStepSeconds.getAsDouble()) : "-",
                rssMb.isPresent() ? Long.toString(rssMb.getAsLong()) : "-",
                cpuMsPerWorkflow.isPresent() ? "%.2f".formatted(cpuMsPerWorkflow.getAsDouble()) : "-");
    }

    public static String tableHeader() {
        return "%-12s %-13s %6s %8s %12s %10s %8s %8s %8s %13s %7s %9s".formatted("system", "workload", "n",
                "wall s", "workflows/s",
                "steps/s", "p50 ms", "p95 ms", "p99 ms", "first step s", "rss MB", "cpu ms/wf");
    }

    /** A figure for the results file, rounded half up to {@code decimals}. */
    static BigDecimal rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
