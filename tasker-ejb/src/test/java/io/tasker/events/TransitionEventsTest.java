package io.tasker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tasker.api.events.TaskerEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitionEventsTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aTaskTransitionIsOneEventWithTheTaskAndItsTemplate() {
        TaskerEvent created = single(task(null, "pending", 10, Map.of("step_count", 4)));

        assertEquals("task.created", created.name());
        assertEquals("task-7", created.id());
        assertEquals(Map.of("step_count", 4), created.data());
        assertEquals(List.of(1042L, "examples", "diamond_workflow", "1.0.0", "order-1"), List.of(created.taskId(),
                created.namespace(), created.taskName(), created.version(), created.correlationId()));
        assertEquals(null, created.stepId());
        assertEquals(AT, created.occurredAt());
    }

    @Test
    void aTasksFirstPassStartsItAndLaterOnesResumeIt() {
        assertEquals("task.started", single(task("pending", "in_progress", 20, Map.of())).name());
        assertEquals("task.resumed", single(task("pending", "in_progress", 40, Map.of())).name());
        assertEquals("task.requeued", single(task("in_progress", "pending", 30,
                Map.of("reason", "retry_backoff", "delay_ms", 1000))).name());
    }

    @Test
    void anOperatorsRetryAndResolutionOfAFailedTaskAreTellApart() {
        assertEquals("task.retried", single(task("error", "pending", 50, Map.of("action", "retry_step",
                "actor", "ops"))).name());
        assertEquals("task.resolved", single(task("error", "pending", 50, Map.of("action", "resolve_step"))).name());
        TaskerEvent cancelled = single(task("in_progress", "cancelled", 30, Map.of("action", "cancel_task",
                "actor", "ops", "reason", "wrong order", "request_id", "r-1", "ignored", true)));
        assertEquals(Map.of("action", "cancel_task", "actor", "ops", "reason", "wrong order", "request_id", "r-1"),
                cancelled.data(), "the data holds what the catalog names, nothing else");
    }

    @Test
    void aStepsAttemptIsItsStartAndItsEnd() {
        TaskerEvent started = single(step("pending", "in_progress", Map.of("attempt", 2, "claimed_by", "n#1")));

        assertEquals("step.started", started.name());
        assertEquals(2, started.attempt());
        assertEquals(Map.of("claimed_by", "n#1"), started.data());
        assertEquals("step.completed", single(step("in_progress", "complete", Map.of("attempt", 2))).name());
        assertEquals("step.created", single(step(null, "pending", Map.of())).name());
        assertEquals("step.released", single(step("in_progress", "pending", Map.of("attempt", 1,
                "reason", "released", "claimed_by", "n#1"))).name());
    }

    @Test
    void aFailureThatLeavesAttemptsIsFollowedByItsRetrysDueTime() {
        List<TaskerEvent> events = TransitionEvents.of(step("in_progress", "error", failure(false, true, true,
                new BigDecimal("2.5"), "java.io.IOException")));

        assertEquals(List.of("step.failed", "step.retry_scheduled"), events.stream().map(TaskerEvent::name).toList());
        assertEquals(Map.of("kind", "retryable", "error_message", "boom", "error_class", "java.io.IOException"),
                events.get(0).data());
        assertEquals(Map.of("due_at", "2026-12-01T10:00:02.500Z", "backoff_seconds", new BigDecimal("2.5")),
                events.get(1).data());
        assertEquals(List.of("step-9", "step-9-retry_scheduled"), events.stream().map(TaskerEvent::id).toList());
    }

    @Test
    void aFailureThatLeavesNoAttemptSaysWhy() {
        List<TaskerEvent> permanent = TransitionEvents.of(step("in_progress", "error", failure(true, true, false,
                null, "io.tasker.api.PermanentException")));
        assertEquals(List.of("step.failed", "step.exhausted"), permanent.stream().map(TaskerEvent::name).toList());
        assertEquals("permanent", permanent.get(0).data().get("kind"));
        assertEquals(Map.of("reason", "permanent", "retry_limit", 3), permanent.get(1).data());

        Map<String, Object> lastAttempt = failure(false, true, false, BigDecimal.ONE, "java.io.IOException");
        lastAttempt.put("attempt", 3);
        assertEquals("attempts", TransitionEvents.of(step("in_progress", "error", lastAttempt)).get(1).data()
                .get("reason"));
        assertEquals("not_retryable", TransitionEvents.of(step("in_progress", "error", failure(false, true, false,
                BigDecimal.ONE, "java.io.IOException"))).get(1).data().get("reason"));
    }

    @Test
    void timeoutsLeaseExpiriesAndInfrastructureFailuresAreTheirOwnKind() {
        assertEquals(List.of("step.timed_out", "step.retry_scheduled"), names(step("in_progress", "error",
                failure(false, true, true, BigDecimal.ONE, "io.tasker.retry.StepTimeoutException"))));
        assertEquals(List.of("step.lease_expired", "step.retry_scheduled"), names(step("in_progress", "error",
                Map.of("attempt", 1, "reason", "lease_expired", "claimed_by", "n#1", "retry_eligible", true))));
        assertEquals("infrastructure", TransitionEvents.of(step("in_progress", "error", failure(false, false, true,
                BigDecimal.ONE, "java.sql.SQLException"))).get(0).data().get("kind"));
    }

    @Test
    void retriesCancellationsAndResolutionsOfSteps() {
        TaskerEvent due = single(step("error", "pending", Map.of("retry_attempt", 2)));
        assertEquals("step.retry_requested", due.name());
        assertEquals(2, due.attempt());
        assertEquals("step.cancelled", single(step("pending", "cancelled", Map.of("cancelled_with", 5))).name());
        TaskerEvent bypassed = single(step(null, "resolved_manually", Map.of("bypassed", true)));
        assertEquals("step.resolved_manually", bypassed.name());
        assertEquals(Map.of("bypassed", true), bypassed.data());
        assertEquals(Map.of("bypassed", false, "action", "resolve_step"), single(step("error", "resolved_manually",
                Map.of("action", "resolve_step"))).data());
    }

    @Test
    void aChangeNoEventStandsForIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TransitionEvents.of(step("complete", "error", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> TransitionEvents.of(task("complete", "retrying", 30,
                Map.of())));
    }

    @Test
    void everyEventTheMappingNamesIsInTheCatalog() {
        List<String> catalog = SystemEvents.ALL.stream().map(EventType::name).toList();
        List<TransitionRecord> all = List.of(task(null, "pending", 10, Map.of()),
                task("pending", "in_progress", 20, Map.of()), task("pending", "in_progress", 40, Map.of()),
                task("in_progress", "pending", 30, Map.of()), task("in_progress", "complete", 30, Map.of()),
                task("in_progress", "error", 30, Map.of()), task("pending", "cancelled", 20, Map.of()),
                task("error", "pending", 40, Map.of("action", "retry_task")),
                task("error", "pending", 40, Map.of("action", "resolve_step")));
        all.forEach(transition -> TransitionEvents.of(transition).forEach(event ->
                assertEquals(true, catalog.contains(event.name()), event.name())));
    }

    private static List<String> names(TransitionRecord transition) {
        return TransitionEvents.of(transition).stream().map(TaskerEvent::name).toList();
    }

    private static TaskerEvent single(TransitionRecord transition) {
        List<TaskerEvent> events = TransitionEvents.of(transition);
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    private static Map<String, Object> failure(boolean permanent, boolean counted, boolean eligible,
                                               BigDecimal backoff, String errorClass) {
        Map<String, Object> metadata = new HashMap<>(Map.of("attempt", 1, "permanent", permanent, "counted", counted,
                "retry_eligible", eligible, "error_message", "boom", "error_class", errorClass));
        metadata.put("backoff_seconds", backoff);
        return metadata;
    }

    private static TransitionRecord task(String from, String to, int sortKey, Map<String, Object> metadata) {
        return new TransitionRecord(100, false, 7, from, to, metadata, AT, sortKey, 1042, "examples",
                "diamond_workflow", "1.0.0", "order-1", null, null, 0);
    }

    private static TransitionRecord step(String from, String to, Map<String, Object> metadata) {
        return new TransitionRecord(100, true, 9, from, to, metadata, AT, 20, 1042, "examples", "diamond_workflow",
                "1.0.0", "order-1", 5210L, "branch_one_process", 3);
    }
}
