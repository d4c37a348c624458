package io.tasker.rest;

import io.tasker.readmodel.TaskHistory;
import io.tasker.readmodel.Transition;
import io.tasker.readmodel.WorkflowStep;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code GET /tasker/tasks/{task_id}/transitions}: every change of state of the task and its steps, oldest first:
 * what moved (the task, or a step named by id and name), from and to which state, when, who ({@code actor}) and why
 * ({@code reason}) where an operator made the change, and the whole metadata.
 */
public record TransitionListView(long taskId, List<Entry> transitions) {

    /** One change of state; {@code workflow_step_id} and {@code step_name} are null for the task's own. */
    public record Entry(Long workflowStepId, String stepName, String fromState, String toState, OffsetDateTime at,
                        Object actor, Object reason, Map<String, Object> metadata) {
    }

    static TransitionListView of(TaskHistory history) {
        Map<Long, String> stepNames = history.detail().task().steps().stream()
                .collect(Collectors.toMap(WorkflowStep::id, WorkflowStep::name));
        Stream<Entry> task = history.taskTransitions().stream().map(change -> entry(change, null, null));
        Stream<Entry> steps = history.stepTransitions().stream()
                .map(change -> entry(change, change.stepId(), stepNames.get(change.stepId())));
        // Changes made in one transaction are ordered by the clock of each; the task's own first among equals.
        Comparator<Entry> order = Comparator.comparing(Entry::at)
                .thenComparing(entry -> entry.workflowStepId() != null);
        return new TransitionListView(history.detail().task().id(),
                Stream.concat(task, steps).sorted(order).toList());
    }

    private static Entry entry(Transition change, Long stepId, String stepName) {
        return new Entry(stepId, stepName, change.fromState(), change.toState(), change.createdAt(),
                change.metadata().get("actor"), change.metadata().get("reason"), change.metadata());
    }
}
