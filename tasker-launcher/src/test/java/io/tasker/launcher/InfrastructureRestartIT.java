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
        Workload workload = Workload.submit(stack.client(), Workload.plan(60, 11), 200);
        Instant restarted = Instant.now();

        stack.stack().restartBroker();

        Duration recovered = workload.awaitComplete(stack.client(), stack.database(), restarted,
                Duration.ofMinutes(3));
        System.out.println("broker restart: all tasks finished " + recovered.toMillis() + " ms after it");
        workload.assertExecutedExactlyAsScripted(stack.database());
    }

    @Test
    void aDatabaseRestartLosesAndDuplicatesNothing(RunningStack stack) throws Exception {
        Workload workload = Workload.submit(stack.client(), Workload.plan(60, 12), 200);
        Instant restarted = Instant.now();

        stack.stack().restartDatabase();

        Duration recovered = workload.awaitComplete(stack.client(), stack.database(), restarted,
                Duration.ofMinutes(3));
        System.out.println("database restart: all tasks finished " + recovered.toMillis() + " ms after it");
        workload.assertExecutedExactlyAsScripted(stack.database());
    }
}
