package io.tasker.errors;

import jakarta.ejb.ApplicationException;

/**
 * Base of the failures the engine reports to its callers. Thrown through EJB boundaries as is (not wrapped), and
 * rolls back the transaction it interrupts.
 */
@ApplicationException(rollback = true)
public abstract class TaskerException extends RuntimeException {

    protected TaskerException(String message) {
        super(message);
    }
}
