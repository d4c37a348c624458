package io.tasker.rest;

import io.tasker.readmodel.TaskDetail;
import io.tasker.readmodel.TaskSummary;
import io.tasker.security.Permissions;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A task as the API shows it, with its context, steps and the actions its caller may take on it (a list shows tasks
 * without them: the fields are left out).
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
        @JsonbNillable(false) List<StepView> workflowSteps,
        @JsonbNillable(false) List<String> permitted) {

    /** What may be done with a task, and so whether its caller may: its permissions (docs/security.md). */
    static final List<String> ACTIONS = Permissions.requireAll("tasker.task:update", "tasker.task:cancel",
            "tasker.task:retry", "tasker.workflow_step:retry", "tasker.workflow_step:resolve",
            "tasker.workflow_step:cancel", "tasker.transition:index", "tasker.diagram:show");

    /** The task in full, with those of its {@link #ACTIONS} the caller may take. */
    static TaskView of(TaskDetail detail, RequestCaller caller) {
        return of(detail.task(), detail.task().context(), StepView.of(detail),
                caller.permittedIn(detail.task().namedTask().namespace(), ACTIONS));
    }

    /** The task without its context, steps and actions. */
    static TaskView summaryOf(TaskSummary task) {
        return of(task, null, null, null);
    }

    private static TaskView of(TaskSummary task, Map<String, Object> context, List<StepView> steps,
                               List<String> permitted) {
        return new TaskView(task.id(), task.namedTask().name(), task.namedTask().namespace(),
                task.namedTask().version(), task.namedTask().fullName(), task.status().value(), task.complete(),
                context, task.initiator(), task.sourceSystem(), task.reason(), task.correlationId(), task.tags(),
                task.bypassSteps(), task.requestedAt(), task.completedAt(), task.createdAt(), task.updatedAt(), steps,
                permitted);
    }
}
