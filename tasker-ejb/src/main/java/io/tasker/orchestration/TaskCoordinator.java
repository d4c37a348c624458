package io.tasker.orchestration;

import io.tasker.config.TaskerResources;
import io.tasker.config.TaskerSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.logging.Logger;

/**
 * Drives one pass over a task (reference §4.3, with the retries of decisions §1): claim the ready steps, run
 * them concurrently on the managed executor, record each outcome, claim whatever became ready, and repeat until
 * nothing is ready or running; then finalize. Independent steps run in parallel, up to
 * {@code tasker.execution.max-concurrent-steps} per task.
 */
@ApplicationScoped
public class TaskCoordinator {

    private static final Logger LOG = Logger.getLogger(TaskCoordinator.class.getName());

    @Inject
    private TaskPasses passes;

    @Inject
    private StepExecutor executor;

    @Inject
    private StepFailures failures;

    @Inject
    private TaskFinalizer finalizer;

    @Inject
    private TaskerSettings settings;

    @Resource(lookup = TaskerResources.STEP_EXECUTOR)
    private ManagedExecutorService stepThreads;

    /**
     * Runs a pass. The finalization joins the caller's transaction (the task runner's), everything before it
     * commits step by step.
     */
    public FinalizationDecision runPass(long taskId) {
        int concurrency = settings.maxConcurrentSteps();
        PassStart start = passes.start(taskId, concurrency);
        if (!start.taskActive()) {
            return new FinalizationDecision.LeaveAlone();
        }
        CompletionService<StepOutcome> running = new ExecutorCompletionService<>(stepThreads);
        int inFlight = 0;
        List<ClaimedStep> claimed = start.claimed();
        while (true) {
            for (ClaimedStep step : claimed) {
                running.submit(() -> attempt(start.task(), step));
                inFlight++;
            }
            if (inFlight == 0) {
                break;
            }
            record(awaitNext(running));
            inFlight--;
            claimed = inFlight < concurrency ? passes.claimReady(taskId, concurrency - inFlight) : List.of();
        }
        return finalizer.finalizeTask(taskId);
    }

    private StepOutcome attempt(TaskSnapshot task, ClaimedStep step) {
        try {
            return executor.execute(task, step);
        } catch (RuntimeException e) {
            // The step's transaction could not commit (for example the handler marked it rollback-only).
            return StepOutcome.failed(step, e);
        }
    }

    private void record(StepOutcome outcome) {
        ClaimedStep step = outcome.step();
        switch (outcome.kind()) {
            case COMPLETED -> {
            }
            case FAILED -> {
                if (!failures.record(step, outcome.failure())) {
                    LOG.info(() -> "TASKER-ORCH-002 step " + step.stepId() + " attempt " + step.attempt()
                            + " failed after losing its claim; failure not recorded");
                }
            }
            case CLAIM_LOST -> LOG.info(() -> "TASKER-ORCH-003 step " + step.stepId() + " attempt " + step.attempt()
                    + " finished after losing its claim; result discarded");
        }
    }

    private static StepOutcome awaitNext(CompletionService<StepOutcome> running) {
        try {
            return running.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while steps were running", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a step attempt could not be run", e.getCause());
        }
    }
}
