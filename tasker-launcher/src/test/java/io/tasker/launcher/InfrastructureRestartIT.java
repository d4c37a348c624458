package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker or the database restarts while tasks run: the node recovers on its own, and every task completes with
 * each step succeeding exactly once and failing exactly as scripted. A broker restart may leave transactions in doubt
 * (prepared in the broker, their outcome unknown to the node); their tasks are re-driven by the sweep.
 */
@ExtendWith(TaskerStackExtension.class)
class InfrastructureRestartIT {

    @Test
    void aBrokerRestartLosesAndDuplicatesNothing(RunningStack stack) throws Exception {
        assertNothingLostOrRepeated(stack, 11, "broker restart", () -> stack.stack().restartBroker());
    }

    @Test
    void aDatabaseRestartLosesAndDuplicatesNothing(RunningStack stack) throws Exception {
        assertNothingLostOrRepeated(stack, 12, "database restart", () -> stack.stack().restartDatabase());
    }

    @Test
    void readinessSaysDownWhileTheDatabaseIsAwayAndUpOnceItIsBack(RunningStack stack) throws Exception {
        // The server's readiness and Tasker's own (which servers that collect no checks of an EAR's modules need).
        List<URI> probes = List.of(stack.client().api().resolve("/health/ready"),
                stack.client().api().resolve("/tasker/health/ready"));
        for (URI ready : probes) {
            assertEquals(200, readiness(ready).statusCode(), ready.toString());
        }
        stack.stack().stopDatabase();
        try {
            for (URI ready : probes) {
                HttpResponse<String> down = awaitReadiness(ready, 503);
                assertTrue(down.body().contains("\"database\"") && down.body().contains("DOWN"), down.body());
            }
        } finally {
            stack.stack().resumeDatabase();
        }
        for (URI ready : probes) {
            awaitReadiness(ready, 200);
        }
    }

    private static HttpResponse<String> awaitReadiness(URI ready, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> response = readiness(ready);
        while (response.statusCode() != status) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("readiness never answered " + status + ": " + response.body());
            }
            Thread.sleep(200);
            response = readiness(ready);
        }
        return response;
    }

    private static HttpResponse<String> readiness(URI ready) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A restart of one part of the stack while 60 tasks run. */
    private interface Fault {
        void inflict() throws Exception;
    }

    private static void assertNothingLostOrRepeated(RunningStack stack, long seed, String name, Fault fault)
            throws Exception {
        Workload workload = Workload.submit(stack.client(), Workload.plan(60, seed), 200);
        Instant inflicted = Instant.now();

        fault.inflict();

        Duration recovered = workload.awaitComplete(stack.client(), stack.database(), inflicted,
                Duration.ofMinutes(3));
        System.out.println(name + ": all tasks finished " + recovered.toMillis() + " ms after it");
        workload.assertExecutedExactlyAsScripted(stack.database());
    }
}
