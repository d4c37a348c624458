package io.tasker.task;

import io.tasker.errors.FieldError;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which steps a request may bypass: steps of the template that are skippable. */
public final class BypassedSteps {

    private BypassedSteps() {
    }

    /** What is wrong with the steps a request asks to bypass, as errors of its {@code bypass_steps} field. */
    public static List<FieldError> problems(TaskTemplate template, List<String> bypassSteps) {
        List<FieldError> problems = new ArrayList<>();
        for (String name : bypassSteps) {
            Optional<StepTemplate> step = template.step(name);
            if (step.isEmpty()) {
                problems.add(new FieldError("bypass_steps", "task " + template.key() + " has no step '" + name + "'"));
            } else if (!step.get().skippable()) {
                problems.add(new FieldError("bypass_steps", "step '" + name + "' is not skippable"));
            }
        }
        return problems;
    }
}
