package io.tasker.health;

import io.tasker.config.TaskerSettings;
import io.tasker.orchestration.NodeLifecycle;
import io.tasker.orchestration.execution.StepThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while this node can run work: no pass has gone silent and no step has waited for a thread, while none
 * started, for as long as a step's lease ({@code tasker.step.lease-seconds}). A pass comes round its loop at least
 * every second; past a lease its claims run out and other nodes take its steps, so a node stuck that long is of no
 * use until it restarts. A database or broker outage does not make it DOWN (readiness reports those).
 */
@Liveness
@ApplicationScoped
public class EngineLiveness implements HealthCheck {

    @Inject
    private NodeLifecycle lifecycle;

    @Inject
    private StepThreads stepThreads;

    @Inject
    private TaskerSettings settings;

    @Override
    public HealthCheckResponse call() {
        Duration limit = settings.stepLease();
        Duration passSilence = lifecycle.longestSilence();
        Duration threadStall = stepThreads.stall();
        return HealthCheckResponse.named("engine")
                .status(passSilence.compareTo(limit) < 0 && threadStall.compareTo(limit) < 0)
                .withData("passes_running", lifecycle.runningPasses())
                .withData("longest_pass_silence_ms", passSilence.toMillis())
                .withData("step_handlers_running", stepThreads.busy())
                .withData("steps_waiting_for_a_thread", stepThreads.waiting())
                .withData("step_threads_stalled_ms", threadStall.toMillis())
                .withData("limit_ms", limit.toMillis())
                .build();
    }
}
