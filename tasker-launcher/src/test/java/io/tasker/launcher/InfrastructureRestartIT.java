package io.tasker.launcher;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.time.Duration;
import java.time.Instant;
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
