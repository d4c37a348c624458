package io.tasker.rest;

import io.tasker.readmodel.TaskDetail;
import io.tasker.readmodel.TaskSummary;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A task as the API shows it, with its context and steps (a list shows tasks without them: the fields are left
 * out).
 */
public record TaskView(
        long taskId,
        String name,
        String namespace,
        String version,
        String fullName,
        String status,
        boolean complete,
        @JsonbNillable(false) Map<String, Object> context,
        String initiator,
        String sourceSystem,
        String reason,
        String correlationId,
        List<String> tags,
        List<String> bypassSteps,
        OffsetDateTime requestedAt,
        OffsetDateTime completedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @JsonbNillable(false) List<StepView> workflowSteps) {

    static TaskView of(TaskDetail detail) {
        return of(detail.task(), detail.task().context(), StepView.of(detail));
    }

    /** The task without its context and steps. */
    static TaskView summaryOf(TaskSummary task) {
        return of(task, null, null);
    }

    private static TaskView of(TaskSummary task, Map<String, Object> context, List<StepView> steps) {
        return new TaskView(task.id(), task.namedTask().name(), task.namedTask().namespace(),
                task.namedTask().version(), task.namedTask().fullName(), task.status().value(), task.complete(),
                context, task.initiator(), task.sourceSystem(), task.reason(), task.correlationId(), task.tags(),
                task.bypassSteps(), task.requestedAt(), task.completedAt(), task.createdAt(), task.updatedAt(), steps);
    }
}
