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
 * The claims of a pass, each committed on its own so other nodes see at once which attempts are taken and how
 * long their claims hold. Each pass claims under its own name (the node's name and a number), so it can give back
 * exactly the claims it holds.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TaskPasses {

    @Inject
    private OrchestrationStore store;

    @Inject
    private TaskerSettings settings;

    /**
     * Starts a pass: attempts whose claims ran out (their node died) are ended, a pending task moves to
     * in_progress, and up to {@code maxSteps} ready steps are claimed.
     */
    public PassStart start(long taskId, String claimant, int maxSteps) {
        TaskSnapshot task = store.loadTask(taskId).orElse(null);
        if (task == null || !task.state().isActive()) {
            return PassStart.nothingToDo();
        }
        return new PassStart(task, store.startPass(taskId, claimant, maxSteps, settings.stepLease()));
    }

    /** Claims up to {@code maxSteps} steps that became ready. */
    public List<ClaimedStep> claimReady(long taskId, String claimant, int maxSteps) {
        return store.claimReadySteps(taskId, claimant, maxSteps, settings.stepLease());
    }

    /** Keeps the claims of running attempts alive while their handlers work. */
    public void renewLeases(List<ClaimedStep> running) {
        store.renewLeases(running, settings.stepLease());
    }

    /** Gives back, uncounted, every running attempt of the task the pass holds, for any node to claim. */
    public void releaseClaims(long taskId, String claimant) {
        store.releaseClaims(taskId, claimant);
    }

    /** Moves a running task back to pending: this node stopped driving it, and its message will come back. */
    public void suspend(long taskId) {
        store.transitionTask(taskId, Set.of(TaskState.IN_PROGRESS), TaskState.PENDING, Map.of("reason", "node_stopping",
                "node", settings.nodeName()));
    }
}
