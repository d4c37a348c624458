package io.tasker.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import io.tasker.retry.StepTimeoutException;
import io.tasker.step.StepState;
import io.tasker.task.TaskState;
import io.tasker.template.TemplateException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTaskTest {

    private static final String ORDERS = "META-INF/tasker/tasks/kit/orders.yaml";
    private static final Map<String, Object> ORDER = Map.of("order_id", 42);

    private final TestTask orders = TestTask.fromResource(ORDERS).withSetting("tasker.backoff.jitter-enabled", "false");

    @Test
    void runsEveryStepAfterItsParentsWithTheirResultsAndCompletesTheTask() {
        TaskRun run = orders.run(ORDER);

        assertEquals(TaskState.COMPLETE, run.state(), run.toString());
        assertEquals(List.of("validate", "charge", "gift_wrap", "ship"),
                run.steps().stream().map(StepRun::name).toList());
        run.steps().forEach(step -> assertEquals(StepState.COMPLETE, step.state(), step.name()));
        assertEquals(List.of("charge", "gift_wrap"), run.step("ship").results().get("parents"));
        assertEquals(new BigDecimal(42), run.step("ship").results().get("order_id"), "the context went through JSON");
        assertEquals(Duration.ZERO, run.elapsed());
    }

    @Test
    void keepsTheCustomEventsOfACompletedAttemptAndRefusesWhatTheTemplateDoesNotAllow() {
        TaskRun shipped = orders.withHandler("ship", context -> {
            context.publish("order.shipped", Map.of("parcel", "P-" + context.taskContext().get("order_id")));
            return Map.of();
        }).run(ORDER);
        assertEquals(List.of(new TestStepContext.Publication("order.shipped", Map.of("parcel", "P-42"))),
                shipped.step("ship").published());
        assertEquals(List.of(), shipped.step("validate").published());

        TaskRun undeclared = orders.withHandler("charge", context -> {
            context.publish("order.shipped", Map.of("parcel", "P-1"));
            return Map.of();
        }).run(ORDER);
        assertEquals(StepState.ERROR, undeclared.step("charge").state());
        assertEquals(1, undeclared.step("charge").attempts(), "a refused publication is a permanent failure");
        assertEquals("io.tasker.api.events.EventRejectedException",
                undeclared.step("charge").results().get("error_class"));

        TaskRun broken = orders.withHandler("ship", context -> {
            context.publish("order.shipped", Map.of("parcel", 7));
            return Map.of();
        }).run(ORDER);
        assertEquals(StepState.ERROR, broken.step("ship").state());
        assertTrue(broken.step("ship").results().get("error").toString().contains("/payload/parcel"),
                broken.step("ship").results().toString());
    }

    @Test
    void recordsTheTransitionsTheEngineRecordsInItsOrder() {
        TaskRun run = orders.run(ORDER);

        assertEquals(List.of(
                "task: -> pending", "validate: -> pending", "charge: -> pending", "gift_wrap: -> pending",
                "ship: -> pending",
                "task: pending -> in_progress", "validate: pending -> in_progress",
                "validate: in_progress -> complete", "charge: pending -> in_progress",
                "gift_wrap: pending -> in_progress",
                "charge: in_progress -> complete",
                "gift_wrap: in_progress -> complete", "ship: pending -> in_progress",
                "ship: in_progress -> complete", "task: in_progress -> complete"),
                run.transitions().stream().map(change -> (change.stepName() == null ? "task" : change.stepName())
                        + ": " + change.change()).toList());
        assertEquals(Map.of("total_steps", new BigDecimal(4), "completed_steps", new BigDecimal(4),
                "failed_steps", BigDecimal.ZERO, "cancelled_steps", BigDecimal.ZERO),
                run.taskTransitions().get(2).metadata());
    }

    @Test
    void retriesAFailedStepAfterTheEnginesBackOffOnAVirtualClock() {
        AtomicInteger calls = new AtomicInteger();
        TaskRun run = orders.withHandler("charge", context -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("gateway busy " + context.attempt());
            }
            return Map.of("charged", true);
        }).run(ORDER);

        assertEquals(TaskState.COMPLETE, run.state(), run.toString());
        assertEquals(3, run.step("charge").attempts());
        assertEquals(Map.of("charged", true), run.step("charge").results());
        // The default back-off waits 1 s, then 2 s; the finalizer adds its buffer of 0.05 s to each.
        assertEquals(Duration.ofMillis(3_100), run.elapsed());
        assertEquals(List.of("-> pending", "pending -> in_progress", "in_progress -> error", "error -> pending",
                        "pending -> in_progress", "in_progress -> error", "error -> pending",
                        "pending -> in_progress", "in_progress -> complete"),
                run.transitionsOf("charge").stream().map(RecordedTransition::change).toList());
        RecordedTransition firstFailure = run.transitionsOf("charge").get(2);
        assertEquals("gateway busy 1", firstFailure.metadata().get("error_message"));
        assertEquals(new BigDecimal("1.000"), firstFailure.metadata().get("backoff_seconds"));
        assertEquals(List.of("-> pending", "pending -> in_progress", "in_progress -> pending",
                        "pending -> in_progress", "in_progress -> pending", "pending -> in_progress",
                        "in_progress -> complete"),
                run.taskTransitions().stream().map(RecordedTransition::change).toList());
        assertEquals("retry_backoff", run.taskTransitions().get(2).metadata().get("reason"));
    }

    @Test
    void aStepOutOfAttemptsFailsTheTaskOnceNothingElseCanRun() {
        TaskRun run = orders.withHandler("charge", context -> {
            throw new RetryableException("gateway down");
        }).run(ORDER);

        assertEquals(TaskState.ERROR, run.state(), run.toString());
        assertEquals(StepState.ERROR, run.step("charge").state());
        assertEquals(3, run.step("charge").attempts(), "the template's retry limit");
        assertEquals("gateway down", run.step("charge").results().get("error"));
        assertEquals(StepState.COMPLETE, run.step("gift_wrap").state(), "the other branch still ran");
        assertEquals(StepState.PENDING, run.step("ship").state());
        RecordedTransition failed = run.taskTransitions().get(run.taskTransitions().size() - 1);
        assertEquals("in_progress -> error", failed.change());
        assertEquals("steps_in_error_state", failed.metadata().get("error_message"));
    }

    @Test
    void aPermanentFailureEndsTheStepAtOnce() {
        TaskRun run = orders.withHandler("charge", context -> {
            throw new PermanentException("card declined", "DECLINED");
        }).run(ORDER);

        assertEquals(TaskState.ERROR, run.state());
        assertEquals(1, run.step("charge").attempts());
        assertEquals("DECLINED", run.step("charge").results().get("error_code"));
        Map<String, Object> failure = run.transitionsOf("charge").get(2).metadata();
        assertEquals(true, failure.get("permanent"));
        assertTrue(failure.containsKey("backoff_seconds") && failure.get("backoff_seconds") == null, failure::toString);
        assertEquals(Duration.ZERO, run.elapsed());
    }

    @Test
    void theWaitTheHandlerAsksForReplacesTheBackOff() {
        AtomicInteger calls = new AtomicInteger();
        TaskRun run = orders.withHandler("charge", context -> {
            if (calls.incrementAndGet() == 1) {
                throw new RetryableException("rate limited", Duration.ofSeconds(30));
            }
            return Map.of();
        }).run(ORDER);

        assertEquals(TaskState.COMPLETE, run.state());
        assertEquals(Duration.ofMillis(30_050), run.elapsed());
    }

    @Test
    void anAttemptLongerThanTheStepsTimeoutIsAbandonedAndRetried() {
        AtomicInteger calls = new AtomicInteger();
        TaskRun run = orders.withHandler("charge", context -> {
            if (calls.incrementAndGet() == 1) {
                Thread.sleep(60_000);
            }
            return Map.of("attempt", context.attempt());
        }).run(ORDER);

        assertEquals(TaskState.COMPLETE, run.state(), run.toString());
        assertEquals(2, run.step("charge").attempts());
        assertEquals(StepTimeoutException.class.getName(),
                run.transitionsOf("charge").get(2).metadata().get("error_class"));
    }

    @Test
    void resultsTooLargeFailTheStepForGood() {
        TaskRun run = orders.withSetting("tasker.step.max-results-bytes", "100")
                .withHandler("charge", context -> Map.of("blob", "x".repeat(200)))
                .run(ORDER);

        assertEquals(TaskState.ERROR, run.state());
        assertEquals("results_too_large", run.step("charge").results().get("error_code"));
    }

    @Test
    void aBypassedStepIsResolvedWithoutRunning() {
        TaskRun run = orders.bypassing("gift_wrap")
                .withHandler("gift_wrap", context -> {
                    throw new AssertionError("a bypassed step ran");
                })
                .run(ORDER);

        assertEquals(TaskState.COMPLETE, run.state());
        assertEquals(StepState.RESOLVED_MANUALLY, run.step("gift_wrap").state());
        assertEquals(0, run.step("gift_wrap").attempts());
        assertEquals(Map.of("bypassed", true), run.transitionsOf("gift_wrap").get(0).metadata());
        assertEquals(Map.of(), run.step("gift_wrap").results());
        assertEquals(List.of("charge", "gift_wrap"), run.step("ship").results().get("parents"),
                "a bypassed parent's results are there, empty");
    }

    @Test
    void refusesWhatTheServerRefusesNamingTheField() {
        IllegalArgumentException context = assertThrows(IllegalArgumentException.class,
                () -> orders.run(Map.of("order_id", "forty-two")));
        assertTrue(context.getMessage().contains("/context/order_id"), context.getMessage());

        IllegalArgumentException bypass = assertThrows(IllegalArgumentException.class,
                () -> orders.bypassing("charge").run(ORDER));
        assertTrue(bypass.getMessage().contains("bypass_steps: step 'charge' is not skippable"), bypass.getMessage());
    }

    @Test
    void anAssertionInAStubFailsTheTestNotTheStep() {
        AssertionError failed = assertThrows(AssertionError.class, () -> orders.withHandler("validate", context -> {
            throw new AssertionError("the stub saw a wrong context");
        }).run(ORDER));
        assertEquals("the stub saw a wrong context", failed.getMessage());
    }

    @Test
    void expandsPlaceholdersAndChecksTheTemplateAsTheServerDoes(@TempDir Path dir) throws Exception {
        TaskRun run = orders.withPlaceholder("GATEWAY_URL", "https://pay.example")
                .withHandler("charge", context -> Map.of("gateway", context.handlerConfig().get("gateway")))
                .run(ORDER);
        assertEquals("https://pay.example", run.step("charge").results().get("gateway"));

        Path broken = Files.writeString(dir.resolve("broken.yaml"), """
                name: broken
                step_templates:
                  - name: first
                    handler_class: io.tasker.test.EchoHandler
                    depends_on_step: missing
                """);
        TemplateException refused = assertThrows(TemplateException.class, () -> TestTask.fromFile(broken));
        assertTrue(refused.getMessage().contains("first"), refused.getMessage());
    }

    @Test
    void aStepWhoseHandlerCannotBeMadeNamesTheStepAndTheWayOut(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("unbound.yaml"), """
                name: unbound
                step_templates:
                  - name: only
                    handler_class: com.example.NotThere
                """);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> TestTask.fromFile(template).run(Map.of()));
        assertTrue(missing.getMessage().contains("step only: its handler class com.example.NotThere"),
                missing.getMessage());

        assertThrows(IllegalArgumentException.class, () -> orders.withHandler("nope", context -> Map.of()));
        assertThrows(IllegalArgumentException.class, () -> orders.withSetting("tasker.no.such", "1"));
        assertEquals(TaskState.COMPLETE, TestTask.fromFile(template)
                .withHandler("only", context -> null).run(Map.of()).state());
    }
}
