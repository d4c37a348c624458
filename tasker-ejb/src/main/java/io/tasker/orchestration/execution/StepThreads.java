package io.tasker.orchestration.execution;

import io.tasker.config.TaskerSettings;
import io.tasker.telemetry.Tracing;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run step handlers: a fixed pool of {@code tasker.execution.step-threads} container-managed
 * threads. The threads come from the application's managed thread factory, so each carries the application's
 * naming and class-loading context from its creation; a managed executor would capture that context again for
 * every step it runs, which measured as a sixth of the server's CPU in the benchmark.
 */
@ApplicationScoped
public class StepThreads implements Executor {

    /**
     * The managed thread factory the threads come from. The web module declares it (its application class):
     * Payara Micro does not bind a concurrency resource declared on an EJB inside {@code WEB-INF/lib}.
     */
    public static final String THREAD_FACTORY = "java:app/concurrent/tasker-step-threads";

    @Resource(lookup = THREAD_FACTORY)
    private ManagedThreadFactory threadFactory;

    @Inject
    private TaskerSettings settings;

    @Inject
    private Tracing tracing;

    private ThreadPoolExecutor pool;
    private volatile long lastStart = System.nanoTime();

    @PostConstruct
    void start() {
        int threads = settings.stepThreads();
        pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                threadFactory);
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable step) {
        // The step runs in the trace context of the pass that hands it over.
        Runnable traced = tracing.inCurrentContext(step);
        pool.execute(() -> {
            lastStart = System.nanoTime();
            traced.run();
        });
    }

    /** Handlers running now. */
    public int busy() {
        return pool.getActiveCount();
    }

    /** Steps waiting for a thread. */
    public int waiting() {
        return pool.getQueue().size();
    }

    /**
     * How long steps have waited for a thread while no step started: every thread held (by handlers that never
     * return, say) leaves them waiting forever. Zero when none waits.
     */
    public Duration stall() {
        return pool.getQueue().isEmpty() ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - lastStart);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
