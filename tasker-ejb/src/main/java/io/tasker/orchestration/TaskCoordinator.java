package io.tasker.orchestration;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.tasker.config.TaskerSettings;
import io.tasker.orchestration.claim.PassStart;
import io.tasker.orchestration.claim.StepClaim;
import io.tasker.orchestration.claim.StepClaims;
import io.tasker.orchestration.claim.TaskSnapshot;
import io.tasker.orchestration.execution.StepExecutor;
import io.tasker.orchestration.execution.StepThreads;
import io.tasker.orchestration.finalization.FinalizationDecision;
import io.tasker.orchestration.finalization.TaskFinalizer;
import io.tasker.registry.HandlerRegistry;
import io.tasker.retry.InfrastructureFailures;
import io.tasker.retry.StepFailures;
import io.tasker.telemetry.EngineMetrics;
import io.tasker.telemetry.Tracing;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a message's pass over a task starts and ends: it runs the pass ({@link TaskPass}) under a claimant name of
 * its own, then has the task finalized in the caller's transaction (the task runner's), unless the pass completed
 * it. Everything before the finalization commits step by step.
 */
@ApplicationScoped
public class TaskCoordinator {

    private final AtomicLong passNumbers = new AtomicLong();

    @Inject
    private StepClaims claims;

    @Inject
    private StepExecutor executor;

    @Inject
    private StepFailures failures;

    @Inject
    private TaskFinalizer finalizer;

    @Inject
    private HandlerRegistry registry;

    @Inject
    private NodeLifecycle lifecycle;

    @Inject
    private TaskerSettings settings;

    @Inject
    private StepThreads stepThreads;

    @Inject
    private InfrastructureFailures infrastructure;

    @Inject
    private EngineMetrics metrics;

    @Inject
    private Tracing tracing;

    private TaskPass.Collaborators collaborators;

    @PostConstruct
    void wire() {
        Clock clock = Clock.systemUTC();
        collaborators = new TaskPass.Collaborators(new ClaimsInTransactionsOfTheirOwn(), executor::execute,
                failures::record, lifecycle, this::timeout, stepThreads,
                new Outages(infrastructure::isTransient, settings.stepLease(), clock,
                        wait -> Thread.sleep(wait.toMillis())),
                clock, settings.maxConcurrentSteps(), settings.stepLease());
    }

    /**
     * Runs a pass. On a node that is starting or stopping it returns {@link FinalizationDecision.Defer}: the caller
     * must roll its transaction back, so the broker delivers the message again to a node that runs.
     */
    public FinalizationDecision runPass(long taskId) {
        NodeLifecycle.RunningPass running = lifecycle.passStarted();
        long started = System.nanoTime();
        Span span = tracing.passStarted(taskId);
        try (Scope traced = tracing.enter(span)) {
            if (!lifecycle.acceptsPasses()) {
                return new FinalizationDecision.Defer();
            }
            TaskPass pass = new TaskPass(collaborators, settings.nodeName() + "#" + passNumbers.incrementAndGet(),
                    running::beat);
            TaskPass.Result result = pass.run(taskId);
            if (pass.task() != null) {
                Tracing.describe(span, pass.task().key());
            }
            return switch (result) {
                case TASK_INACTIVE -> new FinalizationDecision.LeaveAlone();
                // The message's transaction holds only its acknowledgement now, and commits in one phase.
                case TASK_COMPLETED -> new FinalizationDecision.Complete();
                case WORK_LEFT -> finish(pass.task());
            };
        } finally {
            span.end();
            lifecycle.passEnded(running);
            metrics.passEnded(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private FinalizationDecision finish(TaskSnapshot task) {
        if (lifecycle.isStopping()) {
            // The container cannot commit the message's transaction any more: leave the task to the message.
            finalizer.suspend(task.taskId());
            return new FinalizationDecision.Defer();
        }
        return finalizer.finalizeTask(task);
    }

    private Duration timeout(TaskKey task, String step) {
        return registry.find(task)
                .flatMap(definition -> definition.template().step(step))
                .map(StepTemplate::timeout)
                .orElse(settings.stepTimeout());
    }

    /** The pass's claims through {@link StepClaims}, whose every call commits on its own. */
    private final class ClaimsInTransactionsOfTheirOwn implements TaskPass.Claims {

        @Override
        public Optional<PassStart> start(long taskId, String claimant, int maxSteps) {
            return claims.start(taskId, claimant, maxSteps);
        }

        @Override
        public List<StepClaim> claimReady(long taskId, String claimant, int maxSteps) {
            return claims.claimReady(taskId, claimant, maxSteps);
        }

        @Override
        public void renew(String claimant, List<StepClaim> running) {
            claims.renewLeases(claimant, running);
        }

        @Override
        public void release(long taskId, String claimant) {
            claims.releaseClaims(taskId, claimant);
        }
    }
}
