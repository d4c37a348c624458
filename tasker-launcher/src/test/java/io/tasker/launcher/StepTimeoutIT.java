package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.Database.Transition;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An attempt that outlives its step's {@code timeout_seconds} is abandoned: its thread is interrupted and it counts
 * as a failed, retryable attempt.
 */
@ExtendWith(TaskerStackExtension.class)
class StepTimeoutIT {

    @Test
    void attemptsPastTheTimeoutAreInterruptedAndCountedUntilTheRetriesRunOut(RunningStack stack) throws Exception {
        long taskId = stack.client().createTask("""
                {"name": "timed_workflow", "namespace": "it", "context": {"sleep_ms": {"slow_step": 30000}}}""");

        JsonObject task = stack.client().awaitFinished(taskId, Duration.ofSeconds(30));

        assertEquals("error", task.getString("status"));
        JsonObject slow = AcceptanceChecks.step(task, "slow_step");
        assertEquals(3, slow.getInt("attempts"));
        assertEquals("io.tasker.retry.StepTimeoutException",
                slow.getJsonObject("results").getString("error_class"));
        List<Transition> history = Database.stepTransitions(stack.database(), taskId, "slow_step");
        for (int started = 1; started < history.size(); started += 3) {
            Duration ran = Duration.between(history.get(started).at(), history.get(started + 1).at());
            assertTrue(ran.compareTo(Duration.ofSeconds(1)) >= 0 && ran.compareTo(Duration.ofSeconds(2)) < 0,
                    "an attempt ran " + ran + " with a timeout of 1 s: " + history);
        }
        // The handler records an interrupted attempt as a failure; one never interrupted would have slept 30 s.
        assertEquals(3, Ledger.failures(stack.database(), taskId, "slow_step"));
        assertEquals(0, AcceptanceChecks.step(task, "after_slow").getInt("attempts"));
    }
}
