package io.tasker.bench;

/** What runs the benchmark's workloads: Tasker, or the peer it is compared with. */
interface WorkloadDriver {

    /** {@code tasker}, or the peer's name. */
    String system();

    /**
     * Submits {@code n} workflows of the workload from {@code submitters} threads as fast as they are accepted,
     * waits until all have finished and measures the run.
     *
     * @throws IllegalStateException when a workflow did not complete as scripted, naming the deviations
     */
    Measurement throughput(Workload workload, int n, int submitters) throws InterruptedException;
}
