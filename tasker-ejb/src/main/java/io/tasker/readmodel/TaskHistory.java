package io.tasker.readmodel;

import java.util.List;

/** A task with every change of state it and its steps went through, each list in the order they were made. */
public record TaskHistory(TaskDetail detail, List<TaskTransition> taskTransitions,
                          List<StepTransition> stepTransitions) {

    public TaskHistory {
        taskTransitions = List.copyOf(taskTransitions);
        stepTransitions = List.copyOf(stepTransitions);
    }
}
