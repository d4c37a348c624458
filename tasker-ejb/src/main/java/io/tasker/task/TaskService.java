package io.tasker.task;

import io.tasker.config.TaskerSettings;
import io.tasker.errors.ConflictException;
import io.tasker.errors.FieldError;
import io.tasker.errors.IdempotencyKeyReusedException;
import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.NotFoundException;
import io.tasker.errors.PayloadTooLargeException;
import io.tasker.errors.TaskerException;
import io.tasker.json.JsonDocuments;
import io.tasker.registry.HandlerRegistry;
import io.tasker.registry.RegisteredTask;
import io.tasker.telemetry.EngineMetrics;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creates, cancels and annotates tasks, each a transaction of its own. */
@Stateless
public class TaskService {

    /** The task a creation request resolved to, and whether the request created it or found it (a repeat). */
    public record Creation(long taskId, boolean created) {
    }

    @Inject
    private HandlerRegistry registry;

    @Inject
    private TaskStore store;

    @Inject
    private TaskQueue queue;

    @Inject
    private TaskerSettings settings;

    @Inject
    private EngineMetrics metrics;

    /**
     * Creates a task of the registered template the request names, in one transaction: the task, its steps and
     * edges, their first transitions, and the message that starts it. Either all of it commits or none. It answers
     * with the task's id only: a caller that shows the task reads it after the commit. A request with an identity
     * (an idempotency key, or a template with identity strategy {@code hash}) whose task exists returns that task
     * instead; requests with the same identity take turns, so concurrent repeats create it once.
     *
     * @throws NotFoundException when no such template (or version) is registered
     * @throws InvalidRequestException when the request, its bypassed steps or its context (checked against the
     *     template's JSON Schema) are invalid
     * @throws PayloadTooLargeException when the context is larger than a task's context may be
     * @throws IdempotencyKeyReusedException when the request's {@code Idempotency-Key} created a task for a
     *     different request
     */
    public Creation createTask(TaskRequest request) {
        String contextJson = JsonDocuments.write(request.context());
        RegisteredTask definition = checked(request, contextJson);
        Optional<TaskIdentity> identity = TaskIdentity.of(definition, request);
        TaskStore.CreationResult result = store.createTask(definition, request, contextJson, identity);
        if (!result.created()) {
            if (identity.orElseThrow().keyed() && !result.sameRequest()) {
                throw new IdempotencyKeyReusedException("this Idempotency-Key created task " + result.taskId()
                        + " with a different request; a new request needs a new key");
            }
            return new Creation(result.taskId(), false);
        }
        queue.enqueue(result.taskId(), Duration.ZERO, request.correlationId());
        metrics.taskCreated(definition.key());
        return new Creation(result.taskId(), true);
    }

    /**
     * What would refuse the request before anything is stored: no such template, or an invalid context or bypassed
     * step. Returned rather than thrown, so a caller's transaction is not rolled back by it.
     */
    public Optional<TaskerException> refusalOf(TaskRequest request) {
        try {
            checked(request, JsonDocuments.write(request.context()));
            return Optional.empty();
        } catch (TaskerException refusal) {
            return Optional.of(refusal);
        }
    }

    private RegisteredTask checked(TaskRequest request, String contextJson) {
        if (request.name() == null || request.name().isBlank()) {
            throw new InvalidRequestException("name", "is required");
        }
        settings.contextLimit().check("context", contextJson);
        RegisteredTask definition = registry.resolve(request.namespace(), request.name(), request.version());
        List<FieldError> problems = new ArrayList<>(definition.contextViolations(request.context()));
        problems.addAll(BypassedSteps.problems(definition.template(), request.bypassSteps()));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return definition;
    }

    /**
     * Cancels a pending or running task: it and its unfinished steps move to cancelled, recorded with the
     * {@link Operator}; no step of it is scheduled again, and a running step's late result is discarded.
     *
     * @throws NotFoundException when there is no such task
     * @throws ConflictException when the task has already finished (complete, error, cancelled, resolved)
     */
    public void cancelTask(long taskId, Operator operator) {
        TaskState before = store.cancelTask(taskId, operator.metadata("cancel_task"))
                .orElseThrow(() -> new NotFoundException("task " + taskId + " does not exist"));
        if (!before.isActive()) {
            throw new ConflictException("task " + taskId + " is " + before.value()
                    + "; only pending or in_progress tasks can be cancelled");
        }
        store.origin(taskId).ifPresent(origin -> metrics.taskCancelled(origin.key(),
                Duration.between(origin.createdAt(), Instant.now())));
    }

    /**
     * Changes a task's reason and tags, whatever its state.
     *
     * @throws NotFoundException when there is no such task
     */
    public void annotateTask(long taskId, TaskAnnotation annotation) {
        if (!store.annotateTask(taskId, annotation)) {
            throw new NotFoundException("task " + taskId + " does not exist");
        }
    }
}
