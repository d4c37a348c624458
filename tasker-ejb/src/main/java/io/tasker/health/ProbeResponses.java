package io.tasker.health;

import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** The answer of a check that probes a server: up when the probe found no problem, with the time it took. */
final class ProbeResponses {

    private ProbeResponses() {
    }

    static HealthCheckResponse of(String name, Supplier<Optional<String>> probe) {
        long started = System.nanoTime();
        Optional<String> problem = probe.get();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name)
                .status(problem.isEmpty())
                .withData("response_time_ms", (System.nanoTime() - started) / 1_000_000);
        problem.ifPresent(error -> response.withData("error", error));
        return response.build();
    }
}
