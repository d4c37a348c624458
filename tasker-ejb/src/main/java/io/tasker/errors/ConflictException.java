package io.tasker.errors;

/** The request conflicts with the current state of what it names, e.g. cancelling a task that already finished. */
public class ConflictException extends TaskerException {

    public ConflictException(String message) {
        super(ProblemKind.CONFLICT, message);
    }
}
