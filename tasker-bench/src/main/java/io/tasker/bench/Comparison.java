package io.tasker.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * Tasker against the peer on one workload, measured in the same run: the ratio of their throughputs (above 1:
 * Tasker is faster) and of their end-to-end latencies (below 1: Tasker's are shorter).
 */
record Comparison(Measurement tasker, Measurement peer) {

    static Comparison of(Measurement tasker, Measurement peer) {
        return new Comparison(tasker, peer);
    }

    double throughputRatio() {
        return tasker.stepsPerSecond() / peer.stepsPerSecond();
    }

    double p50Ratio() {
        return tasker.p50Ms() / peer.p50Ms();
    }

    double p99Ratio() {
        return tasker.p99Ms() / peer.p99Ms();
    }

    /** Tasker's CPU per workflow over the peer's, both the whole machine's; empty where it was not measured. */
    OptionalDouble cpuRatio() {
        return tasker.cpuMsPerWorkflow().isPresent() && peer.cpuMsPerWorkflow().isPresent()
                ? OptionalDouble.of(tasker.cpuMsPerWorkflow().getAsDouble() / peer.cpuMsPerWorkflow().getAsDouble())
                : OptionalDouble.empty();
    }

    String toTableRow() {
        return "%-13s %10.1f %10.1f %8.2f %10.1f %10.1f %8.2f %10.1f %10.1f %10s".formatted(tasker.workload(),
                tasker.stepsPerSecond(), peer.stepsPerSecond(), throughputRatio(), tasker.p50Ms(), peer.p50Ms(),
                p50Ratio(), tasker.p99Ms(), peer.p99Ms(),
                cpuRatio().isPresent() ? "%.2f".formatted(cpuRatio().getAsDouble()) : "-");
    }

    static String tableHeader() {
        return "%-13s %10s %10s %8s %10s %10s %8s %10s %10s %10s".formatted("vs " + peerName(), "steps/s", "peer",
                "ratio", "p50 ms", "peer", "ratio", "p99 ms", "peer", "cpu ratio");
    }

    /** One line of the results file: the ratios, with what describes the run. */
    String toJsonLine(JsonObject environment) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("system", WorkloadRunner.SYSTEM + "/" + peer.system())
                .add("workload", tasker.workload())
                .add("steps_per_s_ratio", rounded(throughputRatio()))
                .add("p50_ratio", rounded(p50Ratio()))
                .add("p99_ratio", rounded(p99Ratio()));
        if (cpuRatio().isPresent()) {
            line.add("cpu_per_workflow_ratio", rounded(cpuRatio().getAsDouble()));
        }
        environment.forEach(line::add);
        return line.build().toString();
    }

    private static String peerName() {
        return DbSchedulerPeer.SYSTEM;
    }

    private static BigDecimal rounded(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }
}
