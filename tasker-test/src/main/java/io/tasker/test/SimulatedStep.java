package io.tasker.test;

import io.tasker.orchestration.claim.StepClaim;
import io.tasker.retry.FailedAttempt;
import io.tasker.step.StepState;
import io.tasker.template.StepTemplate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a task under test: what the engine's step row holds and its rules read, changed by the same moves
 * as the schema's functions make (sql/R__step_claims.sql, sql/R__step_outcomes.sql).
 */
final class SimulatedStep {

    final long id;
    final StepTemplate template;
    final List<SimulatedStep> parents = new ArrayList<>();
    StepState state;
    int attempts;
    boolean retryable;
    Map<String, Object> results = Map.of();
    // The custom events its completed attempt published.
    List<TestStepContext.Publication> published = List.of();
    Instant lastAttemptedAt;
    BigDecimal backoffSeconds;

    SimulatedStep(long id, StepTemplate template, boolean bypassed) {
        this.id = id;
        this.template = template;
        this.state = bypassed ? StepState.RESOLVED_MANUALLY : StepState.PENDING;
        this.retryable = template.retryable();
    }

    String name() {
        return template.name();
    }

    boolean isDone() {
        return state == StepState.COMPLETE || state == StepState.RESOLVED_MANUALLY;
    }

    /** Claims the step's next attempt, which starts now. */
    void claim(Instant now) {
        state = StepState.IN_PROGRESS;
        attempts++;
        lastAttemptedAt = now;
    }

    StepClaim claimed(String claimant) {
        return new StepClaim(id, name(), attempts, claimant, Map.of(), Map.of());
    }

    void complete(Map<String, Object> recorded, List<TestStepContext.Publication> publications, Instant now) {
        state = StepState.COMPLETE;
        lastAttemptedAt = now;
        results = recorded;
        published = publications;
    }

    /** Records the failed attempt: the failure merged into the results, the wait before its retry. */
    void fail(FailedAttempt failure, Instant now) {
        state = StepState.ERROR;
        retryable = retryable && !failure.permanent();
        if (!failure.counted()) {
            attempts--;
        }
        lastAttemptedAt = now;
        backoffSeconds = failure.backoffSeconds();
        Map<String, Object> merged = new LinkedHashMap<>(results);
        merged.putAll(failure.details());
        results = merged;
    }
}
