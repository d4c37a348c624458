package io.tasker.task;

import io.tasker.config.TaskerSettings;
import io.tasker.errors.ConflictException;
import io.tasker.errors.NotFoundException;
import io.tasker.errors.PayloadTooLargeException;
import io.tasker.json.JsonDocuments;
import io.tasker.telemetry.EngineMetrics;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator does for a task that failed or a step that needs a hand. Each action is one transaction: the
 * change with its transitions (recording the {@link Operator}) and, when it leaves work to do, the message that drives
 * the task's next pass.
 */
@Stateless
public class OperatorActions {

    @Inject
    private TaskStore store;

    @Inject
    private TaskQueue queue;

    @Inject
    private TaskerSettings settings;

    @Inject
    private EngineMetrics metrics;

    /**
     * Runs a step in error again now, with a fresh attempt budget and, when given, new inputs (recorded in its
     * transition); its task, if in error, becomes pending.
     *
     * @throws NotFoundException when there is no such task, or the task has no such step
     * @throws ConflictException when the step is not in error, or the task has ended otherwise (complete, cancelled)
     * @throws PayloadTooLargeException when the inputs are larger than a step's results may be
     */
    public void retryStep(long taskId, long stepId, Optional<Map<String, Object>> inputs, Operator operator) {
        Optional<String> inputsJson = inputs.map(JsonDocuments::write);
        inputsJson.ifPresent(json -> settings.resultsLimit().check("inputs", json));
        Map<String, Object> metadata = operator.metadata("retry_step");
        inputs.ifPresent(given -> metadata.put("inputs", given));
        drive(store.retrySteps(taskId, stepId, inputsJson, metadata), taskId, stepId,
                "only a step in error can be retried");
    }

    /**
     * Runs every step in error of a task in error again, each with a fresh attempt budget; the task becomes pending.
     *
     * @throws NotFoundException when there is no such task
     * @throws ConflictException when the task is not in error
     */
    public void retryTask(long taskId, Operator operator) {
        drive(store.retrySteps(taskId, null, Optional.empty(), operator.metadata("retry_task")), taskId, null,
                "only a task in error can be retried");
    }

    /**
     * Settles a pending or failed step by hand with the given results, which its dependents read as a completed
     * step's; its task, if in error, becomes pending.
     *
     * @throws NotFoundException when there is no such task, or the task has no such step
     * @throws ConflictException when the step is running or finished, or the task has ended otherwise
     * @throws PayloadTooLargeException when the results are larger than a step's results may be
     */
    public void resolveStep(long taskId, long stepId, Map<String, Object> results, Operator operator) {
        String resultsJson = JsonDocuments.write(results);
        settings.resultsLimit().check("results", resultsJson);
        TaskOrigin origin = drive(store.resolveStep(taskId, stepId, resultsJson, operator.metadata("resolve_step")),
                taskId, stepId, "only a pending step or a step in error can be resolved");
        store.stepName(taskId, stepId).ifPresent(step -> metrics.stepResolvedManually(origin.key(), step));
    }

    /**
     * Cancels a pending step: it will not run, nor will the steps that depend on it, which are cancelled with it. The
     * task's other steps go on; once none is left to run, the task ends cancelled (or in error if a step failed).
     *
     * @throws NotFoundException when there is no such task, or the task has no such step
     * @throws ConflictException when the step is not pending, or the task has ended otherwise
     */
    public void cancelStep(long taskId, long stepId, Operator operator) {
        drive(store.cancelStep(taskId, stepId, operator.metadata("cancel_step")), taskId, stepId,
                "only a pending step can be cancelled");
    }

    // The action's outcome: when it was done, the task's next pass is asked for and the task's origin returned.
    private TaskOrigin drive(String outcome, long taskId, Long stepId, String rule) {
        switch (outcome) {
            case "done" -> {
                TaskOrigin origin = store.origin(taskId).orElseThrow();
                queue.enqueue(taskId, Duration.ZERO, origin.correlationId());
                return origin;
            }
            case "no_task" -> throw new NotFoundException("task " + taskId + " does not exist");
            case "no_step" -> throw new NotFoundException("task " + taskId + " has no step " + stepId);
            case "no_failed_step" -> throw new ConflictException("task " + taskId + " has no step in error");
            default -> {
                String[] forbidding = outcome.split("_", 2);
                boolean byTask = forbidding[0].equals("task");
                throw new ConflictException((byTask ? "task " + taskId : "step " + stepId) + " is " + forbidding[1]
                        + "; " + rule + (byTask && stepId != null
                                ? ", of a task that has not completed or been cancelled" : ""));
            }
        }
    }
}
