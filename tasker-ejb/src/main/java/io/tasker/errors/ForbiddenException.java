package io.tasker.errors;

/** The caller may not do this: its permission does not reach what it asked for. */
public class ForbiddenException extends TaskerException {

    public ForbiddenException(String message) {
        super(ProblemKind.FORBIDDEN, message);
    }
}
