package io.tasker.test;

import io.tasker.api.StepHandler;
import io.tasker.json.JsonDocuments;
import io.tasker.orchestration.execution.HandlerResults;
import io.tasker.orchestration.finalization.FinalizationDecision;
import io.tasker.orchestration.finalization.FinalizationPolicy;
import io.tasker.registry.EventPayloads;
import io.tasker.retry.BackoffPolicy;
import io.tasker.retry.FailedAttempt;
import io.tasker.retry.StepTimeoutException;
import io.tasker.step.StepState;
import io.tasker.task.TaskState;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One task run as the engine runs it, without a database or a broker: passes that claim the ready steps, run their
 * handlers, record each outcome, and end with the finalizer's decision, on a virtual clock that jumps over the
 * waits for retries. What the engine decides in Java is decided here by the same classes (back-off, failure
 * classification, the finalizer's decision table, the results limit, step timeouts); what it decides in PostgreSQL
 * is stated by {@link Readiness} and {@link SimulatedStep}. The steps of a pass run one at a time, in the order the
 * engine claims them.
 */
final class TaskSimulation {

    private static final Instant CREATED = Instant.EPOCH;
    private static final long TASK_ID = 1;
    // Far more passes than any workflow with retries needs: a run that goes on is a rule broken, not a workflow.
    private static final int MAX_PASSES = 10_000;

    private final TaskTemplate template;
    private final Map<String, StepHandler> handlers;
    private final Map<String, Object> context;
    private final EngineSettings settings;
    private final BackoffPolicy backoff;
    private final FinalizationPolicy finalization;
    private final EventPayloads eventPayloads;
    private final List<SimulatedStep> steps = new ArrayList<>();
    private final List<RecordedTransition> transitions = new ArrayList<>();
    private TaskState state = TaskState.PENDING;
    private Instant now = CREATED;
    private int pass;

    TaskSimulation(TaskTemplate template, Map<String, StepHandler> handlers, Map<String, Object> context,
                   Set<String> bypassed, EngineSettings settings, long seed) {
        this.template = template;
        this.handlers = handlers;
        this.context = context;
        this.settings = settings;
        this.backoff = settings.backoff(seed);
        this.finalization = settings.finalization();
        this.eventPayloads = EventPayloads.of(template);
        // Step ids follow the template's order, as the engine creates the rows; claims are made in id order.
        Map<String, SimulatedStep> byName = new HashMap<>();
        for (StepTemplate step : template.steps()) {
            SimulatedStep simulated = new SimulatedStep(steps.size() + 1, step, bypassed.contains(step.name()));
            steps.add(simulated);
            byName.put(step.name(), simulated);
        }
        steps.forEach(step -> step.template.dependsOn().forEach(parent -> step.parents.add(byName.get(parent))));
    }

    TaskRun run() {
        record(null, null, TaskState.PENDING.value(), Map.of("step_count", steps.size()));
        for (SimulatedStep step : steps) {
            record(step.name(), null, step.state.value(),
                    step.state == StepState.RESOLVED_MANUALLY ? Map.of("bypassed", true) : Map.of());
        }
        ExecutorService threads = Executors.newCachedThreadPool(handlerThread -> {
            Thread thread = new Thread(handlerThread, "tasker-test-step");
            thread.setDaemon(true);
            return thread;
        });
        try {
            while (state.isActive()) {
                if (++pass > MAX_PASSES) {
                    throw new IllegalStateException("the task did not end after " + MAX_PASSES + " passes");
                }
                runPass(threads);
            }
        } finally {
            threads.shutdownNow();
        }
        List<StepRun> ended = steps.stream()
                .map(step -> new StepRun(step.name(), step.state, step.attempts, step.results, step.published))
                .toList();
        return new TaskRun(state, ended, transitions, Duration.between(CREATED, now));
    }

    private void runPass(ExecutorService threads) {
        moveTask(TaskState.IN_PROGRESS, Map.of());
        Deque<SimulatedStep> claimed = new ArrayDeque<>(claimReady());
        while (!claimed.isEmpty()) {
            SimulatedStep step = claimed.poll();
            Attempt attempt = execute(step, threads);
            if (attempt.failure() != null) {
                FailedAttempt failed = FailedAttempt.of(attempt.failure(), step.attempts, true, backoff);
                step.fail(failed, now);
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("attempt", step.attempts);
                metadata.put("permanent", failed.permanent());
                metadata.put("counted", failed.counted());
                metadata.put("backoff_seconds", failed.backoffSeconds());
                metadata.put("retry_eligible", Readiness.retryEligible(step));
                metadata.put("error_message", failed.details().get("error"));
                metadata.put("error_class", failed.details().get("error_class"));
                record(step.name(), StepState.IN_PROGRESS.value(), StepState.ERROR.value(), metadata);
                continue;
            }
            step.complete(attempt.results(), attempt.published(), now);
            record(step.name(), StepState.IN_PROGRESS.value(), StepState.COMPLETE.value(),
                    Map.of("attempt", step.attempts));
            List<SimulatedStep> next = claimReady();
            claimed.addAll(next);
            // The completion that claims nothing and leaves every step done completes the task (in one transaction).
            if (next.isEmpty() && steps.stream().allMatch(SimulatedStep::isDone)) {
                finish(TaskState.COMPLETE, Map.of());
                return;
            }
        }
        FinalizationDecision decision = finalization.decide(Readiness.executionContext(state, steps, now), now);
        if (decision instanceof FinalizationDecision.Complete) {
            finish(TaskState.COMPLETE, Map.of());
        } else if (decision instanceof FinalizationDecision.Fail) {
            finish(TaskState.ERROR, Map.of("error_message", "steps_in_error_state"));
        } else if (decision instanceof FinalizationDecision.Reenqueue reenqueue) {
            moveTask(TaskState.PENDING, Map.of("reason", reenqueue.reason(), "delay_ms", reenqueue.delay().toMillis()));
            now = now.plus(reenqueue.delay());
        } else {
            throw new IllegalStateException("the finalizer decided " + decision + " for a task under test");
        }
    }

    /** Claims every ready step, in the engine's order: the retries' moves back to pending first. */
    private List<SimulatedStep> claimReady() {
        List<SimulatedStep> ready = steps.stream()
                .filter(step -> Readiness.ready(step, now))
                .toList();
        List<SimulatedStep> retried = ready.stream().filter(step -> step.state == StepState.ERROR).toList();
        ready.forEach(step -> step.claim(now));
        retried.forEach(step -> record(step.name(), StepState.ERROR.value(), StepState.PENDING.value(),
                Map.of("retry_attempt", step.attempts)));
        ready.forEach(step -> record(step.name(), StepState.PENDING.value(), StepState.IN_PROGRESS.value(),
                Map.of("attempt", step.attempts, "claimed_by", claimant())));
        return ready;
    }

    private record Attempt(Map<String, Object> results, Throwable failure,
                           List<TestStepContext.Publication> published) {
    }

    private Attempt execute(SimulatedStep step, ExecutorService threads) {
        TestStepContext stepContext = TestStepContext.of(step.name())
                .withTask(template.namespace(), template.name(), template.version().toString())
                .withIds(TASK_ID, step.id)
                .withAttempt(step.attempts)
                .withTaskContext(context)
                .withHandlerConfig(step.template.handlerConfig());
        for (SimulatedStep parent : step.parents) {
            stepContext = stepContext.withParentResult(parent.name(), parent.results);
        }
        StepHandler handler = handlers.get(step.name());
        TestStepContext handed = stepContext;
        handed.checkEvents(eventPayloads::check);
        Future<Map<String, Object>> running = threads.submit(() -> handler.handle(handed));
        Duration timeout = step.template.timeout() == null ? settings.stepTimeout() : step.template.timeout();
        try {
            Map<String, Object> results = running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Attempt(JsonDocuments.readObject(HandlerResults.recordable(results, settings.resultsLimit())),
                    null, handed.published());
        } catch (TimeoutException e) {
            running.cancel(true);
            return new Attempt(null, new StepTimeoutException(step.claimed(claimant()), timeout), List.of());
        } catch (ExecutionException e) {
            // An assertion a stub makes fails the test, not the step.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return new Attempt(null, e.getCause(), List.of());
        } catch (RuntimeException e) {
            return new Attempt(null, e, List.of());
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while step " + step.name() + " ran", e);
        }
    }

    private String claimant() {
        return "tasker-test#" + pass;
    }

    private void finish(TaskState outcome, Map<String, Object> metadata) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_steps", steps.size());
        summary.put("completed_steps", steps.stream().filter(SimulatedStep::isDone).count());
        summary.put("failed_steps", steps.stream().filter(step -> step.state == StepState.ERROR).count());
        summary.put("cancelled_steps", steps.stream().filter(step -> step.state == StepState.CANCELLED).count());
        summary.putAll(metadata);
        moveTask(outcome, summary);
    }

    private void moveTask(TaskState to, Map<String, Object> metadata) {
        record(null, state.value(), to.value(), metadata);
        state = to;
    }

    // Kept as the API shows it: metadata goes through JSON, as it does through the database.
    private void record(String stepName, String from, String to, Map<String, Object> metadata) {
        transitions.add(new RecordedTransition(stepName, from, to, Duration.between(CREATED, now),
                JsonDocuments.readObject(JsonDocuments.write(metadata))));
    }
}
