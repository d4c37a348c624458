package io.tasker.orchestration;

import io.tasker.config.TaskerSettings;
import io.tasker.registry.TemplatesRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Set<RunningPass> passes = ConcurrentHashMap.newKeySet();

    /** A pass running on this node, and when it last showed that it goes on. */
    public static final class RunningPass {

        private volatile long lastBeat = System.nanoTime();

        /** The pass goes on: it came round its loop, or retried its call while the database was away. */
        public void beat() {
            lastBeat = System.nanoTime();
        }
    }

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

    public RunningPass passStarted() {
        RunningPass pass = new RunningPass();
        passes.add(pass);
        return pass;
    }

    public synchronized void passEnded(RunningPass pass) {
        passes.remove(pass);
        notifyAll();
    }

    public int runningPasses() {
        return passes.size();
    }

    /**
     * How long the quietest running pass has gone without a beat: a pass comes round its loop at least every second
     * while it runs, so a long silence means it is stuck (in a call that does not return). Zero when none runs.
     */
    public Duration longestSilence() {
        long now = System.nanoTime();
        return passes.stream()
                .map(pass -> Duration.ofNanos(now - pass.lastBeat))
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    /** Stops this node's passes: they finish or release their steps; returns once they ended or the time is up. */
    public synchronized void stop() {
        if (stoppingSince != null) {
            return;
        }
        stoppingSince = Instant.now();
        Instant deadline = releaseDeadline().plus(RELEASE_TIME);
        LOG.info(() -> "TASKER-NODE-001 stopping: " + passes.size() + " passes running, grace "
                + settings.shutdownGrace().toSeconds() + " s");
        try {
            while (!passes.isEmpty() && Instant.now().isBefore(deadline)) {
                wait(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info(() -> "TASKER-NODE-002 stopped with " + passes.size() + " passes still running");
    }
}
