package io.tasker.rest;

import java.util.List;

/** The steps of a task, as {@code GET /tasker/tasks/{task_id}/workflow_steps} returns them. */
public record StepListView(long taskId, List<StepView> steps) {
}
