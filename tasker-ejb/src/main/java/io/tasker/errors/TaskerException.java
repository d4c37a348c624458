package io.tasker.errors;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Base of the failures the engine reports to its callers, each of a {@link ProblemKind}. Thrown through EJB
 * boundaries as is (not wrapped), and rolls back the transaction it interrupts.
 */
@ApplicationException(rollback = true)
public abstract class TaskerException extends RuntimeException {

    private final ProblemKind kind;

    protected TaskerException(ProblemKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProblemKind kind() {
        return kind;
    }

    /** What the problem document says of this occurrence. */
    public String detail() {
        return getMessage();
    }

    /** The fields at fault, if the problem is about fields. */
    public List<FieldError> errors() {
        return List.of();
    }
}
