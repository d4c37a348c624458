package io.tasker.errors;

/** What the caller named does not exist: a task, a step, a task template. */
public class NotFoundException extends TaskerException {

    public NotFoundException(String message) {
        super(ProblemKind.NOT_FOUND, message);
    }
}
