package io.tasker.orchestration.claim;

import java.util.List;

/**
 * The start of a pass over a task: the task as it is now and the steps claimed for the pass. A task that is no
 * longer active (a duplicate or late message) had nothing done and nothing claimed.
 */
public record PassStart(TaskSnapshot task, List<StepClaim> claims) {

    public PassStart {
        claims = List.copyOf(claims);
    }
}
