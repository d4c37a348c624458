package io.tasker.orchestration;

import io.tasker.config.TaskerSettings;
import io.tasker.task.TaskState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Ends a pass over a task (reference §4.5, decisions §2): completes it, fails it, or moves it back to pending
 * and sends one message delayed until it can make progress. Runs in the caller's transaction: called from the
 * task runner, its state change, its message and the acknowledgement of the message that started the pass
 * commit together.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class TaskFinalizer {

    private static final Logger LOG = Logger.getLogger(TaskFinalizer.class.getName());
    private static final Set<TaskState> ACTIVE = Set.of(TaskState.PENDING, TaskState.IN_PROGRESS);

    @Inject
    private OrchestrationStore store;

    @Inject
    private TaskQueue queue;

    @Inject
    private TaskerSettings settings;

    public FinalizationDecision finalizeTask(long taskId) {
        ExecutionContext context = store.executionContext(taskId).orElse(null);
        if (context == null) {
            LOG.warning(() -> "TASKER-ORCH-001 task " + taskId + " no longer exists; nothing to finalize");
            return new FinalizationDecision.LeaveAlone();
        }
        FinalizationDecision decision = settings.finalizationPolicy().decide(context, Instant.now());
        if (decision instanceof FinalizationDecision.Complete) {
            store.transitionTask(taskId, ACTIVE, TaskState.COMPLETE, summary(context));
        } else if (decision instanceof FinalizationDecision.Fail) {
            store.transitionTask(taskId, ACTIVE, TaskState.ERROR, withMessage(summary(context), "steps_in_error_state"));
        } else if (decision instanceof FinalizationDecision.Reenqueue reenqueue) {
            store.transitionTask(taskId, Set.of(TaskState.IN_PROGRESS), TaskState.PENDING,
                    Map.of("reason", reenqueue.reason(), "delay_ms", reenqueue.delay().toMillis()));
            reenqueue(taskId, reenqueue.delay());
        }
        // LeaveAlone: the task finished, failed or was cancelled meanwhile; a duplicate or late message ends here.
        return decision;
    }

    private void reenqueue(long taskId, Duration delay) {
        store.scheduleNextPass(taskId, delay);
        queue.enqueue(taskId, delay);
    }

    private static Map<String, Object> summary(ExecutionContext context) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_steps", context.totalSteps());
        summary.put("completed_steps", context.completedSteps());
        summary.put("failed_steps", context.failedSteps());
        return summary;
    }

    private static Map<String, Object> withMessage(Map<String, Object> summary, String message) {
        summary.put("error_message", message);
        return summary;
    }
}
