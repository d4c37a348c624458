package io.tasker.orchestration.finalization;

import io.tasker.config.TaskerSettings;
import io.tasker.orchestration.claim.TaskSnapshot;
import io.tasker.task.TaskQueue;
import io.tasker.task.TaskState;
import io.tasker.telemetry.EngineMetrics;
import io.tasker.template.TaskKey;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Where a task is finalized and re-enqueued at the end of a pass that did not complete it: the finalizer completes
 * the task, fails it, or moves it back to pending and sends one message delayed until it can make progress
 * ({@link FinalizationPolicy}). It runs in the caller's transaction: called from the task runner, its state change,
 * its message and the acknowledgement of the message that started the pass commit together.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class TaskFinalizer {

    private static final Logger LOG = Logger.getLogger(TaskFinalizer.class.getName());

    @Inject
    private FinalizationStore store;

    @Inject
    private TaskQueue queue;

    @Inject
    private TaskerSettings settings;

    @Inject
    private EngineMetrics metrics;

    private FinalizationPolicy policy;

    @PostConstruct
    void createPolicy() {
        policy = new FinalizationPolicy(settings.backoffBuffer(), settings.maxBackoff(),
                settings.stepLease(), settings.waitingDelay());
    }

    /** Finalizes the task a pass ran over, as the pass found it. */
    public FinalizationDecision finalizeTask(TaskSnapshot task) {
        long taskId = task.taskId();
        ExecutionContext context = store.executionContext(taskId).orElse(null);
        if (context == null) {
            LOG.warning(() -> "TASKER-ORCH-001 task " + taskId + " no longer exists; nothing to finalize");
            return new FinalizationDecision.LeaveAlone();
        }
        FinalizationDecision decision = policy.decide(context, Instant.now());
        if (decision instanceof FinalizationDecision.Complete) {
            finish(task, TaskState.COMPLETE, Map.of(), metrics::taskCompleted);
        } else if (decision instanceof FinalizationDecision.Cancel) {
            finish(task, TaskState.CANCELLED, Map.of("reason", "steps_cancelled"), metrics::taskCancelled);
        } else if (decision instanceof FinalizationDecision.Fail) {
            finish(task, TaskState.ERROR, Map.of("error_message", "steps_in_error_state"), metrics::taskFailed);
        } else if (decision instanceof FinalizationDecision.Reenqueue reenqueue) {
            store.reenqueueTask(taskId, reenqueue.delay(),
                    Map.of("reason", reenqueue.reason(), "delay_ms", reenqueue.delay().toMillis()));
            queue.enqueue(taskId, reenqueue.delay(), task.correlationId());
        }
        // LeaveAlone: the task finished, failed or was cancelled meanwhile; a duplicate or late message ends here.
        return decision;
    }

    // A task that another transaction ended meanwhile is not counted again.
    private void finish(TaskSnapshot task, TaskState outcome, Map<String, Object> metadata,
                        BiConsumer<TaskKey, Duration> count) {
        if (store.finishTask(task.taskId(), outcome, metadata)) {
            count.accept(task.key(), Duration.between(task.createdAt(), Instant.now()));
        }
    }

    /**
     * Moves a running task back to pending, in a transaction of its own: this node stopped driving it, and the
     * message that started the pass goes back to the broker for a node that runs.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void suspend(long taskId) {
        store.suspendTask(taskId, Map.of("reason", "node_stopping", "node", settings.nodeName()));
    }
}
