package io.tasker.rest;

import io.tasker.readmodel.StepError;
import io.tasker.readmodel.TaskDetail;
import io.tasker.readmodel.WorkflowStep;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A workflow step as the API shows it: with the ids of the steps it runs after and of those that run after it, when
 * it runs next while it waits on its back-off, and its last failure ({@code null} when it never failed).
 */
public record StepView(
        long workflowStepId,
        String name,
        String status,
        int attempts,
        int retryLimit,
        boolean retryable,
        boolean skippable,
        boolean inProcess,
        boolean processed,
        OffsetDateTime processedAt,
        OffsetDateTime lastAttemptedAt,
        BigDecimal backoffRequestSeconds,
        Map<String, Object> inputs,
        Map<String, Object> results,
        List<Long> parentsIds,
        List<Long> childrenIds,
        OffsetDateTime nextAttemptAt,
        StepError lastError) {

    static StepView of(WorkflowStep step, TaskDetail detail) {
        return new StepView(step.id(), step.name(), step.status().value(), step.attempts(), step.retryLimit(),
                step.retryable(), step.skippable(), step.inProcess(), step.processed(), step.processedAt(),
                step.lastAttemptedAt(), step.backoffRequestSeconds(), step.inputs(), step.results(),
                detail.parentsOf(step), detail.childrenOf(step), step.nextAttemptAt().orElse(null),
                detail.lastErrorOf(step).orElse(null));
    }

    /** The task's steps in dependency order (ties by id). */
    static List<StepView> of(TaskDetail detail) {
        return detail.stepsInOrder().stream().map(step -> of(step, detail)).toList();
    }
}
