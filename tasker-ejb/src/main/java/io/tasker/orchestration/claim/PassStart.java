package io.tasker.orchestration.claim;

import java.util.List;

/**
 * The start of a pass over a task: the task as it is now, the steps claimed for the pass, and the steps whose
 * expired claims the start ended (by name). A task that is no longer active (a duplicate or late message) had
 * nothing done and nothing claimed.
 */
public record PassStart(TaskSnapshot task, List<StepClaim> claims, List<String> expiredSteps) {

    public PassStart {
        claims = List.copyOf(claims);
        expiredSteps = List.copyOf(expiredSteps);
    }
}
