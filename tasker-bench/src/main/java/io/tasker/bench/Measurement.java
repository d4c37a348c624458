package io.tasker.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one benchmark run measured. Wall time runs from the first workflow's creation to the last one's completion,
 * by the server's clock; latencies are each workflow's creation to completion.
 *
 * @param firstStepSeconds from the first creation until the first step of the run was processed
 * @param rssMb the server process's peak resident memory so far, when the benchmark knows the process
 */
public record Measurement(String workload, int n, int stepsPerWorkflow, double wallSeconds, double p50Ms,
                          double p95Ms, double p99Ms, OptionalDouble firstStepSeconds, OptionalLong rssMb) {

    public double workflowsPerSecond() {
        return n / wallSeconds;
    }

    public double stepsPerSecond() {
        return (double) n * stepsPerWorkflow / wallSeconds;
    }

    /** One line of the results file: the measured fields, then what describes the run ({@code environment}). */
    public String toJsonLine(JsonObject environment) {
        JsonObjectBuilder line = Json.createObjectBuilder()
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
        environment.forEach(line::add);
        return line.build().toString();
    }

    /** One row of the printed table. */
    public String toTableRow() {
        return "%-13s %6d %8.2f %12.1f %10.1f %8.1f %8.1f %8.1f %13s %7s".formatted(workload, n, wallSeconds,
                workflowsPerSecond(), stepsPerSecond(), p50Ms, p95Ms, p99Ms,
                firstStepSeconds.isPresent() ? "%.3f".formatted(firstStepSeconds.getAsDouble()) : "-",
                rssMb.isPresent() ? Long.toString(rssMb.getAsLong()) : "-");
    }

    public static String tableHeader() {
        return "%-13s %6s %8s %12s %10s %8s %8s %8s %13s %7s".formatted("workload", "n", "wall s", "workflows/s",
                "steps/s", "p50 ms", "p95 ms", "p99 ms", "first step s", "rss MB");
    }

    private static BigDecimal rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
