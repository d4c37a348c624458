package io.tasker.orchestration;

import io.tasker.config.TaskerSettings;
import io.tasker.task.TaskState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims of a pass, each committed on its own so other nodes see at once which attempts are taken.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TaskPasses {

    @Inject
    private OrchestrationStore store;

    @Inject
    private TaskerSettings settings;

    /** Starts a pass: a pending task moves to in_progress, and up to {@code maxSteps} ready steps are claimed. */
    public PassStart start(long taskId, int maxSteps) {
        TaskSnapshot task = store.loadTask(taskId).orElse(null);
        if (task == null || !task.state().isActive()) {
            return PassStart.nothingToDo();
        }
        if (task.state() == TaskState.PENDING) {
            store.transitionTask(taskId, Set.of(TaskState.PENDING), TaskState.IN_PROGRESS, Map.of());
        }
        return new PassStart(task, store.claimReadySteps(taskId, settings.nodeName(), maxSteps));
    }

    /** Claims up to {@code maxSteps} steps that became ready. */
    public List<ClaimedStep> claimReady(long taskId, int maxSteps) {
        return store.claimReadySteps(taskId, settings.nodeName(), maxSteps);
    }
}
