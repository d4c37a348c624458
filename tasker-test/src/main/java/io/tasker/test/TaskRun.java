package io.tasker.test;

import io.tasker.task.TaskState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Where a task under test ended: its state, each step's, and every transition on the way, oldest first. */
public final class TaskRun {

    private final TaskState state;
    private final Map<String, StepRun> steps;
    private final List<RecordedTransition> transitions;
    private final Duration elapsed;

    TaskRun(TaskState state, List<StepRun> steps, List<RecordedTransition> transitions, Duration elapsed) {
        this.state = state;
        this.steps = steps.stream().collect(Collectors.toMap(StepRun::name, step -> step, (a, b) -> a,
                LinkedHashMap::new));
        this.transitions = List.copyOf(transitions);
        this.elapsed = elapsed;
    }

    /** {@code COMPLETE}, or {@code ERROR} when a step failed for good. */
    public TaskState state() {
        return state;
    }

    /** @throws IllegalArgumentException when the template has no such step */
    public StepRun step(String name) {
        StepRun step = steps.get(name);
        if (step == null) {
            throw new IllegalArgumentException("the task has no step '" + name + "'; its steps are " + steps.keySet());
        }
        return step;
    }

    /** Every step, in the template's order. */
    public List<StepRun> steps() {
        return List.copyOf(steps.values());
    }

    /** The task's and its steps' transitions, in the order the engine makes them. */
    public List<RecordedTransition> transitions() {
        return transitions;
    }

    /** The step's transitions, oldest first. */
    public List<RecordedTransition> transitionsOf(String stepName) {
        step(stepName);
        return transitions.stream().filter(change -> stepName.equals(change.stepName())).toList();
    }

    /** The task's own transitions, oldest first. */
    public List<RecordedTransition> taskTransitions() {
        return transitions.stream().filter(change -> change.stepName() == null).toList();
    }

    /** How long the task took on the virtual clock: the waits for retries, not the handlers' own time. */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return "task " + state.value() + " after " + elapsed + ", steps " + steps.values().stream()
                .map(step -> step.name() + "=" + step.state().value() + "/" + step.attempts())
                .collect(Collectors.joining(", ")) + "; transitions:\n  " + transitions.stream()
                .map(Objects::toString).collect(Collectors.joining("\n  "));
    }
}
