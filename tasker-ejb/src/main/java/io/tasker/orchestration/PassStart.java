package io.tasker.orchestration;

import java.util.List;

/**
 * The start of a pass over a task: the task as it is now and the steps claimed for the pass, or nothing when the
 * task is gone or no longer active (a duplicate or late message).
 */
public record PassStart(TaskSnapshot task, List<ClaimedStep> claimed) {

    static PassStart nothingToDo() {
        return new PassStart(null, List.of());
    }

    public boolean taskActive() {
        return task != null;
    }
}
