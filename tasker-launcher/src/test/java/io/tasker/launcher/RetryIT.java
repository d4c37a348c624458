package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.Database.Transition;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retries and permanent failures, scripted through the task context. The test node's back-off is 1, 2, 4 s without
 * jitter.
 */
@ExtendWith(TaskerStackExtension.class)
class RetryIT {

    @Test
    void aStepThatFailsTwiceCompletesOnItsThirdAttempt(RunningStack stack) throws Exception {
        long taskId = AcceptanceChecks.retriedStepCompletes(stack.client());

        // error -> pending -> in_progress for each retry, each after its back-off: 1 s, then 2 s. The third
        // attempt completes no earlier than 3 s after the first and, re-driven by delayed messages, not later
        // than 2 s beyond that.
        List<Transition> history = Database.stepTransitions(stack.database(), taskId, "branch_one_process");
        assertEquals(List.of("pending", "in_progress", "error", "pending", "in_progress", "error", "pending",
                "in_progress", "complete"), history.stream().map(Transition::toState).toList());
        assertEquals("error", history.get(3).fromState());
        assertWaited(history.get(2), history.get(4), Duration.ofSeconds(1));
        assertWaited(history.get(5), history.get(7), Duration.ofSeconds(2));
        Duration firstToDone = Duration.between(history.get(1).at(), history.get(8).at());
        assertTrue(firstToDone.compareTo(Duration.ofSeconds(3)) >= 0
                && firstToDone.compareTo(Duration.ofSeconds(5)) <= 0,
                "completed " + firstToDone + " after the first attempt");
    }

    @Test
    void aStepOutOfAttemptsFailsTheTask(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long taskId = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"fail_times": {"process_data": 5}}}""");

        JsonObject task = client.awaitFinished(taskId, Duration.ofSeconds(30));

        assertEquals("error", task.getString("status"), task.toString());
        JsonObject failed = AcceptanceChecks.step(task, "process_data");
        assertEquals("error", failed.getString("status"));
        assertEquals(3, failed.getInt("attempts"), "retry_limit is 3 attempts in all");
        assertEquals("pending", AcceptanceChecks.step(task, "transform_results").getString("status"));
        assertEquals(0, AcceptanceChecks.step(task, "transform_results").getInt("attempts"));
    }

    @Test
    void aPermanentFailureIsNotRetriedAndFailsTheTask(RunningStack stack) throws Exception {
        long taskId = AcceptanceChecks.permanentFailureEndsTheTaskInError(stack.client());

        assertEquals(List.of("pending", "in_progress", "error"), Database.stepTransitions(stack.database(), taskId,
                "merge_branches").stream().map(Transition::toState).toList());
    }

    @Test
    void aRetryAfterFromTheHandlerReplacesTheProgression(RunningStack stack) throws Exception {
        long taskId = stack.client().createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"fail_times": {"validate_input": 1}, "retry_after_ms": {"validate_input": 2500}}}""");

        assertEquals("complete", stack.client().awaitFinished(taskId, Duration.ofSeconds(30)).getString("status"));
        List<Transition> history = Database.stepTransitions(stack.database(), taskId, "validate_input");
        JsonObject failure = Json.createReader(new StringReader(history.get(2).metadata())).readObject();
        assertEquals(new BigDecimal("2.500"), failure.getJsonNumber("backoff_seconds").bigDecimalValue());
        assertWaited(history.get(2), history.get(4), Duration.ofMillis(2500));
        Duration wait = Duration.between(history.get(2).at(), history.get(4).at());
        assertTrue(wait.compareTo(Duration.ofMillis(4500)) <= 0, "retried " + wait + " after the failure");
    }

    @Test
    void aStepThatIsNotRetryableFailsTheTaskOnItsFirstFailure(RunningStack stack) throws Exception {
        long taskId = stack.client().createTask("""
                {"name": "unretryable_workflow", "namespace": "it", "context": {"fail_times": {"charge_card": 1}}}""");

        JsonObject task = stack.client().awaitFinished(taskId, Duration.ofSeconds(30));

        assertEquals("error", task.getString("status"), task.toString());
        assertEquals(1, AcceptanceChecks.step(task, "charge_card").getInt("attempts"));
        assertFalse(AcceptanceChecks.step(task, "charge_card").getBoolean("retryable"));
        assertEquals(0, AcceptanceChecks.step(task, "send_receipt").getInt("attempts"));
    }

    private static void assertWaited(Transition failure, Transition retry, Duration backoff) {
        assertTrue(!retry.at().isBefore(failure.at().plus(backoff)),
                "retry at " + retry.at() + " came less than " + backoff + " after the failure at " + failure.at());
    }
}
