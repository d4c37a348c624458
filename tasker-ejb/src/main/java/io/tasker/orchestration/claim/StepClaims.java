package io.tasker.orchestration.claim;

import io.tasker.config.TaskerSettings;
import io.tasker.telemetry.EngineMetrics;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Where steps are claimed: the claims of a pass, each committed on its own so other nodes see at once which
 * attempts are taken and how long their claims hold (the lease, {@code tasker.step.lease-seconds}). Each pass
 * claims under its own name, so it can give back exactly the claims it holds.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StepClaims {

    @Inject
    private ClaimStore store;

    @Inject
    private TaskerSettings settings;

    @Inject
    private EngineMetrics metrics;

    /**
     * Starts a pass: attempts whose claims ran out (their node died) are ended, a pending task moves to
     * in_progress, and up to {@code maxSteps} ready steps are claimed. Empty when the task does not exist.
     */
    public Optional<PassStart> start(long taskId, String claimant, int maxSteps) {
        Optional<PassStart> start = store.startPass(taskId, claimant, maxSteps, settings.stepLease());
        start.ifPresent(started -> started.expiredSteps().forEach(step -> metrics.attemptEnded(started.task().key(),
                step, EngineMetrics.AttemptOutcome.LEASE_EXPIRED)));
        return start;
    }

    /** Claims up to {@code maxSteps} steps that became ready. */
    public List<StepClaim> claimReady(long taskId, String claimant, int maxSteps) {
        return store.claimReadySteps(taskId, claimant, maxSteps, settings.stepLease());
    }

    /** Keeps the claims of running attempts alive while their handlers work. */
    public void renewLeases(String claimant, List<StepClaim> running) {
        store.renewLeases(claimant, running, settings.stepLease());
    }

    /** Gives back, uncounted, every running attempt of the task the claimant holds, for any node to claim. */
    public void releaseClaims(long taskId, String claimant) {
        store.releaseClaims(taskId, claimant);
    }
}
