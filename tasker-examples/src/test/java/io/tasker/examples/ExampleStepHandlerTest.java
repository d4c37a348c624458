package io.tasker.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import io.tasker.api.StepContext;
import io.tasker.test.TestStepContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExampleStepHandlerTest {

    private final List<String> ledger = new ArrayList<>();
    private final ExampleStepHandler handler = new ExampleStepHandler(new ExecutionLedger() {
        @Override
        public void recordSuccess(StepContext step) {
            ledger.add(step.stepName() + "#" + step.attempt() + " success");
        }

        @Override
        public void recordFailure(StepContext step) {
            ledger.add(step.stepName() + "#" + step.attempt() + " failure");
        }
    });

    @Test
    void returnsItsNameAndTheParentsItRead() throws Exception {
        Map<String, Object> results = handler.handle(context("merge", 1, Map.of(),
                Map.of("right", Map.of(), "left", Map.of())));

        assertEquals(Map.of("step", "merge", "parents_read", List.of("left", "right"), "attempt", 1), results);
    }

    @Test
    void failsTheScriptedNumberOfTimesThenSucceeds() throws Exception {
        Map<String, Object> script = Map.of("fail_times", Map.of("flaky", new BigDecimal(2)));

        assertThrows(RetryableException.class, () -> handler.handle(context("flaky", 1, script, Map.of())));
        assertThrows(RetryableException.class, () -> handler.handle(context("flaky", 2, script, Map.of())));
        assertEquals(3, handler.handle(context("flaky", 3, script, Map.of())).get("attempt"));
        assertEquals(1, handler.handle(context("steady", 1, script, Map.of())).get("attempt"));
        assertEquals(List.of("flaky#1 failure", "flaky#2 failure", "flaky#3 success", "steady#1 success"), ledger);
    }

    @Test
    void scriptedFailuresAskForTheScriptedRetryAfter() {
        Map<String, Object> script = Map.of("fail_times", Map.of("flaky", new BigDecimal(1), "other", 1),
                "retry_after_ms", Map.of("flaky", new BigDecimal(2500)));

        assertEquals(Optional.of(Duration.ofMillis(2500)), assertThrows(RetryableException.class,
                () -> handler.handle(context("flaky", 1, script, Map.of()))).retryAfter());
        assertEquals(Optional.empty(), assertThrows(RetryableException.class,
                () -> handler.handle(context("other", 1, script, Map.of()))).retryAfter());
    }

    @Test
    void theBenchmarkHandlerDoesNothingButTheScriptedFailures() {
        Map<String, Object> script = Map.of("fail_times", Map.of("s2", new BigDecimal(1)),
                "retry_after_ms", Map.of("s2", new BigDecimal(1000)));
        BenchStepHandler bench = new BenchStepHandler();

        assertEquals(Map.of(), bench.handle(context("s1", 1, script, Map.of())));
        assertEquals(Optional.of(Duration.ofSeconds(1)), assertThrows(RetryableException.class,
                () -> bench.handle(context("s2", 1, script, Map.of()))).retryAfter());
        assertEquals(Map.of(), bench.handle(context("s2", 2, script, Map.of())));
    }

    @Test
    void sleepsTheScriptedTimeAndFailsWhenInterrupted() throws Exception {
        Map<String, Object> script = Map.of("sleep_ms", Map.of("slow", new BigDecimal(200)));
        long started = System.nanoTime();
        handler.handle(context("slow", 1, script, Map.of()));
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 200);

        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> handler.handle(context("slow", 2, script, Map.of())));
        assertEquals(List.of("slow#1 success", "slow#2 failure"), ledger);
    }

    @Test
    void failsPermanentlyWhenListed() {
        Map<String, Object> script = Map.of("fail_permanently", List.of("doomed"));
        PermanentException failure = assertThrows(PermanentException.class,
                () -> handler.handle(context("doomed", 1, script, Map.of())));
        assertEquals("SCRIPTED", failure.errorCode().orElseThrow());
        assertEquals(List.of("doomed#1 failure"), ledger);
    }

    @Test
    void aScriptedFailureEndsWithTheScriptedDetail() {
        Map<String, Object> script = Map.of("fail_permanently", List.of("doomed"),
                "failure_detail", Map.of("doomed", "<b>upstream</b> refused"));
        PermanentException failure = assertThrows(PermanentException.class,
                () -> handler.handle(context("doomed", 1, script, Map.of())));
        assertEquals("scripted permanent failure of doomed: <b>upstream</b> refused", failure.getMessage());
    }

    private static StepContext context(String step, int attempt, Map<String, Object> taskContext,
                                       Map<String, Map<String, Object>> parents) {
        TestStepContext context = TestStepContext.of(step).withAttempt(attempt).withTaskContext(taskContext);
        for (Map.Entry<String, Map<String, Object>> parent : parents.entrySet()) {
            context = context.withParentResult(parent.getKey(), parent.getValue());
        }
        return context;
    }
}
