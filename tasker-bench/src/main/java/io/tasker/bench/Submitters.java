package io.tasker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Submits a run's workflows from several client threads, each taking the next one as soon as it is free. */
final class Submitters {

    /** Submits the workflow of the given index, 0 for the first. */
    interface Submission {
        void submit(int index) throws Exception;
    }

    private Submitters() {
    }

    /**
     * Submits workflows {@code 0..n-1} from {@code submitters} threads, as fast as they are accepted.
     *
     * @throws IllegalStateException when a submission failed, with its cause
     */
    static void submit(int n, int submitters, Submission submission) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < submitters; s++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        submission.submit(i);
                    }
                    return null;
                }));
            }
            for (Future<?> submitter : running) {
                submitter.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("submitting failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
