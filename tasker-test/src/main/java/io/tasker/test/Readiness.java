package io.tasker.test;

import io.tasker.orchestration.finalization.ExecutionContext;
import io.tasker.orchestration.finalization.ExecutionStatus;
import io.tasker.step.StepState;
import io.tasker.task.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The engine's readiness rules, which run in PostgreSQL ({@code get_step_readiness_status} and
 * {@code get_task_execution_context} in sql/R__readiness.sql), stated over the steps of a task under test. The
 * statement is checked against the database's by running the same workflows both ways and comparing their
 * transitions (the launcher's KitConformanceIT): a change to either side that the other does not follow fails
 * that test.
 */
final class Readiness {

    private Readiness() {
    }

    /** Whether the step may still run: pending, or in error, retryable and with attempts left. */
    static boolean retryEligible(SimulatedStep step) {
        return step.state == StepState.PENDING
                || (step.state == StepState.ERROR && step.retryable && step.attempts < step.template.retryLimit());
    }

    /** When a step in error becomes due: its last attempt plus its back-off; null for none. */
    static Instant nextRetryAt(SimulatedStep step) {
        return step.state == StepState.ERROR && step.backoffSeconds != null
                ? step.lastAttemptedAt.plusMillis(step.backoffSeconds.movePointRight(3).longValue()) : null;
    }

    static boolean dependenciesSatisfied(SimulatedStep step) {
        return step.parents.stream().allMatch(SimulatedStep::isDone);
    }

    /** Whether the step may be claimed now. */
    static boolean ready(SimulatedStep step, Instant now) {
        if (!dependenciesSatisfied(step)) {
            return false;
        }
        Instant due = nextRetryAt(step);
        return step.state == StepState.PENDING
                || (step.state == StepState.ERROR && retryEligible(step) && (due == null || !due.isAfter(now)));
    }

    /** What the task needs next, as the finalizer reads it. */
    static ExecutionContext executionContext(TaskState task, List<SimulatedStep> steps, Instant now) {
        long total = steps.size();
        long done = steps.stream().filter(SimulatedStep::isDone).count();
        long cancelled = steps.stream().filter(step -> step.state == StepState.CANCELLED).count();
        ExecutionStatus status;
        if (steps.stream().anyMatch(step -> ready(step, now))) {
            status = ExecutionStatus.HAS_READY_STEPS;
        } else if (steps.stream().anyMatch(step -> step.state == StepState.IN_PROGRESS)) {
            status = ExecutionStatus.PROCESSING;
        } else if (steps.stream().anyMatch(step -> step.state == StepState.ERROR && !retryEligible(step))) {
            status = ExecutionStatus.BLOCKED_BY_FAILURES;
        } else if (total > 0 && done == total) {
            status = ExecutionStatus.ALL_COMPLETE;
        } else if (total > 0 && done + cancelled == total) {
            status = ExecutionStatus.ALL_DONE_OR_CANCELLED;
        } else {
            status = ExecutionStatus.WAITING_FOR_DEPENDENCIES;
        }
        Instant nextRetryAt = steps.stream()
                .filter(step -> step.state == StepState.ERROR && retryEligible(step) && !ready(step, now))
                .map(Readiness::nextRetryAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
        return new ExecutionContext(task, status, nextRetryAt, null);
    }
}
