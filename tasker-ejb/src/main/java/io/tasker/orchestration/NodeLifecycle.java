package io.tasker.orchestration;

import io.tasker.config.TaskerSettings;
import io.tasker.registry.TemplatesRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Whether this node runs passes, and the passes it still runs. Passes wait until the node has started (its
 * templates registered). When the application stops, passes stop claiming steps, let the running ones finish
 * within {@code tasker.shutdown.grace-seconds}, release the rest to other nodes and end; {@link #stop()} waits for
 * them, so a clean stop leaves nothing in progress. The web module calls it when the application is taken down
 * (Payara Micro calls no EJB {@code @PreDestroy} when it shuts down).
 */
@ApplicationScoped
public class NodeLifecycle implements TaskPass.Node {

    private static final Logger LOG = Logger.getLogger(NodeLifecycle.class.getName());
    // Beyond the grace period, time for passes to release their steps and finalize.
    private static final Duration RELEASE_TIME = Duration.ofSeconds(5);

    @Inject
    private TaskerSettings settings;

    private volatile boolean started;
    private volatile Instant stoppingSince;
    private int activePasses;

    /** The node is ready for passes once everything they need, the template registry, is in place. */
    void templatesRegistered(@Observes TemplatesRegistered registered) {
        started = true;
    }

    /** Whether a pass may start: the node has started and is not stopping. */
    public boolean acceptsPasses() {
        return started && !isStopping();
    }

    /** Whether the node is stopping: passes must not start new work. */
    @Override
    public boolean isStopping() {
        return stoppingSince != null;
    }

    /** When running steps must be released, once the node is stopping. */
    @Override
    public Instant releaseDeadline() {
        return stoppingSince.plus(settings.shutdownGrace());
    }

    public synchronized void passStarted() {
        activePasses++;
    }

    public synchronized void passEnded() {
        activePasses--;
        notifyAll();
    }

    /** Stops this node's passes: they finish or release their steps; returns once they ended or the time is up. */
    public synchronized void stop() {
        if (stoppingSince != null) {
            return;
        }
        stoppingSince = Instant.now();
        Instant deadline = releaseDeadline().plus(RELEASE_TIME);
        LOG.info(() -> "TASKER-NODE-001 stopping: " + activePasses + " passes running, grace "
                + settings.shutdownGrace().toSeconds() + " s");
        try {
            while (activePasses > 0 && Instant.now().isBefore(deadline)) {
                wait(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info(() -> "TASKER-NODE-002 stopped with " + activePasses + " passes still running");
    }
}
