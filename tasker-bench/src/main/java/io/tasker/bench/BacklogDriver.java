package io.tasker.bench;

/** What runs the backlog figure: Tasker through its JMS intake, or the peer. */
interface BacklogDriver {

    /** {@code tasker}, or the peer's name. */
    String system();

    /**
     * Submits {@code n} W1 workflows at once, as fast as they are accepted, waits until all have completed and
     * measures when each was accepted and when each of its steps ran.
     *
     * @throws IllegalStateException when a workflow did not complete by the deadline
     */
    BacklogMeasurement backlog(int n) throws InterruptedException;
}
