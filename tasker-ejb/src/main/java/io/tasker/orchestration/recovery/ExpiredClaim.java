package io.tasker.orchestration.recovery;

import io.tasker.template.TaskKey;

/** An attempt whose claim ran out and which the sweep ended: its task, the task's template and the step's name. */
public record ExpiredClaim(long taskId, TaskKey task, String step) {
}
