package io.tasker.orchestration.execution;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.tasker.api.StepHandler;
import io.tasker.config.TaskerSettings;
import io.tasker.events.CustomEventStore;
import io.tasker.orchestration.claim.StepClaim;
import io.tasker.orchestration.claim.TaskSnapshot;
import io.tasker.registry.HandlerRegistry;
import io.tasker.registry.RegisteredTask;
import io.tasker.telemetry.EngineMetrics;
import io.tasker.telemetry.LogContext;
import io.tasker.telemetry.Tracing;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Where a step runs: one claimed attempt, in a transaction of its own that also records the completion, so whatever
 * the handler writes through transactional resources commits exactly when the step is recorded complete. The same
 * transaction claims the steps that are ready then, so a pass moves from step to step with one commit, and
 * completes the task after its last step. A failing handler rolls that transaction back; the pass records the
 * failure in a new one ({@link io.tasker.retry.StepFailures}).
 */
@Stateless
public class StepExecutor {

    @Resource
    private SessionContext session;

    @Inject
    private HandlerRegistry registry;

    @Inject
    private CompletionStore store;

    @Inject
    private CustomEventStore events;

    @Inject
    private TaskerSettings settings;

    @Inject
    private EngineMetrics metrics;

    @Inject
    private Tracing tracing;

    /**
     * Runs the attempt; when it succeeds, records it and claims ready steps for the attempt's claimant, as many as
     * {@code claimLimit} allows when asked (once, after the handler returned).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public StepOutcome execute(TaskSnapshot task, StepClaim step, IntSupplier claimLimit) {
        Span span = tracing.attemptStarted(task.taskId(), task.key(), step.name(), step.attempt());
        try (Scope traced = tracing.enter(span);
             LogContext.Scope attempt = LogContext.attempt(task.correlationId(), task.taskId(), step.stepId(),
                     step.attempt())) {
            StepOutcome outcome = run(task, step, claimLimit);
            Tracing.attemptEnded(span, switch (outcome.kind()) {
                case COMPLETED -> "succeeded";
                case FAILED -> "failed";
                case CLAIM_LOST -> "claim_lost";
            }, outcome.failure());
            return outcome;
        } catch (RuntimeException e) {
            Tracing.attemptEnded(span, "failed", e);
            throw e;
        }
    }

    private StepOutcome run(TaskSnapshot task, StepClaim step, IntSupplier claimLimit) {
        String resultsJson;
        try {
            RegisteredTask definition = registry.find(task.key())
                    .orElseThrow(() -> new MissingHandlerException("task " + task.key() + " is not registered"));
            StepHandler handler = definition.handler(step.name())
                    .orElseThrow(() -> new MissingHandlerException("task " + task.key() + " has no step "
                            + step.name()));
            Map<String, Object> handlerConfig = definition.template().step(step.name()).orElseThrow().handlerConfig();
            Map<String, Object> results;
            try (EngineMetrics.RunningAttempt running = metrics.attemptStarted(task.key(), step.name(),
                    step.attempt())) {
                results = handler.handle(new EngineStepContext(task, step, handlerConfig,
                        definition.eventPayloads(), events));
            }
            resultsJson = HandlerResults.recordable(results, settings.resultsLimit());
        } catch (Exception e) {
            session.setRollbackOnly();
            return StepOutcome.failed(step, e);
        }
        Optional<StepCompletion> completion = store.completeStepAndClaim(task.taskId(), step, resultsJson,
                claimLimit.getAsInt(), settings.stepLease());
        if (completion.isEmpty()) {
            session.setRollbackOnly();
            return StepOutcome.claimLost(step);
        }
        metrics.attemptEnded(task.key(), step.name(), EngineMetrics.AttemptOutcome.SUCCEEDED);
        if (completion.get().taskCompleted()) {
            metrics.taskCompleted(task.key(), Duration.between(task.createdAt(), Instant.now()));
        }
        return StepOutcome.completed(step, completion.get());
    }
}
