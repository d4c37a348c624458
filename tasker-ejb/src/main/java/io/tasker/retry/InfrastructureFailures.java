package io.tasker.retry;

/**
 * Tells failures of the infrastructure (the database unreachable, restarting, out of connections or in a
 * serialization conflict; the container unable to allocate a connection or to enlist it in the transaction) from
 * failures of a step's own logic. The former are not the step's fault: its attempt is given back rather than
 * counted, and the orchestrator's own database calls are retried while they last.
 */
public interface InfrastructureFailures {

    /** Whether the failure, or anything in its cause chain, is a passing failure of the infrastructure. */
    boolean isTransient(Throwable failure);
}
