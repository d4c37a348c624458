package io.tasker.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A task with the dependencies between its steps (each step's parents and children, and the steps in dependency
 * order: every step after its parents, among steps free to come next the lowest id first, the same for every read
 * of the task) and each step's last failure.
 */
public final class TaskDetail {

    private final Task task;
    private final Map<Long, List<Long>> parents = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();
    private final Map<Long, StepError> lastErrors = new HashMap<>();

    TaskDetail(Task task, List<StepTransition> failuresInOrder) {
        this.task = task;
        failuresInOrder.forEach(failure -> lastErrors.put(failure.stepId(), StepError.of(failure)));
        for (WorkflowStep step : task.steps()) {
            for (long parent : step.parentIds()) {
                parents.computeIfAbsent(step.id(), id -> new ArrayList<>()).add(parent);
                children.computeIfAbsent(parent, id -> new ArrayList<>()).add(step.id());
            }
        }
        parents.values().forEach(ids -> ids.sort(Comparator.naturalOrder()));
        children.values().forEach(ids -> ids.sort(Comparator.naturalOrder()));
    }

    public Task task() {
        return task;
    }

    /** The ids of the steps this one runs after, ascending. */
    public List<Long> parentsOf(WorkflowStep step) {
        return List.copyOf(parents.getOrDefault(step.id(), List.of()));
    }

    /** The ids of the steps that run after this one, ascending. */
    public List<Long> childrenOf(WorkflowStep step) {
        return List.copyOf(children.getOrDefault(step.id(), List.of()));
    }

    /** The step's most recent failure, if it ever failed. */
    public Optional<StepError> lastErrorOf(WorkflowStep step) {
        return Optional.ofNullable(lastErrors.get(step.id()));
    }

    /** The task's steps in dependency order, ties by id. */
    public List<WorkflowStep> stepsInOrder() {
        Map<Long, WorkflowStep> byId = new HashMap<>();
        task.steps().forEach(step -> byId.put(step.id(), step));
        return dependencyOrder(byId.keySet(), parents, children).stream().map(byId::get).toList();
    }

    // Kahn's algorithm over a queue ordered by id: each step after its parents, the lowest free id first.
    static List<Long> dependencyOrder(Collection<Long> stepIds, Map<Long, List<Long>> parents,
                                      Map<Long, List<Long>> children) {
        Map<Long, Integer> waitingOn = new HashMap<>();
        PriorityQueue<Long> free = new PriorityQueue<>();
        for (long id : stepIds) {
            int parentCount = parents.getOrDefault(id, List.of()).size();
            waitingOn.put(id, parentCount);
            if (parentCount == 0) {
                free.add(id);
            }
        }
        List<Long> ordered = new ArrayList<>(stepIds.size());
        while (!free.isEmpty()) {
            long id = free.poll();
            ordered.add(id);
            for (long child : children.getOrDefault(id, List.of())) {
                if (waitingOn.merge(child, -1, Integer::sum) == 0) {
                    free.add(child);
                }
            }
        }
        return ordered;
    }
}
