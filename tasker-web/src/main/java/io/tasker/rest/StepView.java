package io.tasker.rest;

import io.tasker.readmodel.WorkflowStep;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A workflow step as the API shows it. */
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
        Map<String, Object> results) {

    static StepView of(WorkflowStep step) {
        return new StepView(step.id(), step.name(), step.status().value(), step.attempts(), step.retryLimit(),
                step.retryable(), step.skippable(), step.inProcess(), step.processed(), step.processedAt(),
                step.lastAttemptedAt(), step.backoffRequestSeconds(), step.results());
    }

    static List<StepView> of(List<WorkflowStep> steps) {
        return steps.stream().map(StepView::of).toList();
    }
}
