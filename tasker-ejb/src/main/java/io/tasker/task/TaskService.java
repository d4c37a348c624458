package io.tasker.task;

import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.NotFoundException;
import io.tasker.orchestration.OrchestrationStore;
import io.tasker.orchestration.TaskQueue;
import io.tasker.registry.HandlerRegistry;
import io.tasker.registry.RegisteredTask;
import io.tasker.step.NamedStep;
import io.tasker.step.WorkflowStep;
import io.tasker.template.StepTemplate;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Creates and reads tasks. */
@Stateless
public class TaskService {

    @PersistenceContext(unitName = "tasker")
    private EntityManager em;

    @Inject
    private HandlerRegistry registry;

    @Inject
    private OrchestrationStore store;

    @Inject
    private TaskQueue queue;

    /**
     * Creates a task of the registered template the request names, in one transaction: the task, its steps and
     * edges, their first transitions, and the message that starts it. Either all of it commits or none.
     *
     * @throws NotFoundException when no such template (or version) is registered
     * @throws InvalidRequestException when the request or its context (checked against the template's JSON
     *     Schema) is invalid
     */
    public Task createTask(TaskRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new InvalidRequestException("name", "is required");
        }
        RegisteredTask definition = registry.resolve(request.namespace(), request.name(), request.version());
        var violations = definition.contextViolations(request.context());
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }

        Task task = Task.create(em.find(NamedTask.class, definition.namedTaskId()), request);
        Map<String, WorkflowStep> steps = new HashMap<>();
        for (StepTemplate template : definition.template().steps()) {
            NamedStep namedStep = em.find(NamedStep.class, definition.namedStepId(template.name()));
            steps.put(template.name(), task.addStep(namedStep, template));
        }
        for (StepTemplate template : definition.template().steps()) {
            for (String parent : template.dependsOn()) {
                task.addDependency(steps.get(parent), steps.get(template.name()));
            }
        }
        em.persist(task);
        em.flush();
        store.recordCreation(task.id());
        queue.enqueue(task.id(), Duration.ZERO);
        return task;
    }

    /**
     * The task with its steps.
     *
     * @throws NotFoundException when there is no such task
     */
    public Task findTask(long taskId) {
        return em.createNamedQuery(Task.WITH_STEPS, Task.class)
                .setParameter("taskId", taskId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("task " + taskId + " does not exist"));
    }
}
