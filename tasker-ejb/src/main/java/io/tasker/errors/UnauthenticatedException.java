package io.tasker.errors;

/** The request carries no valid token while authentication is on. */
public class UnauthenticatedException extends TaskerException {

    public UnauthenticatedException(String message) {
        super(ProblemKind.UNAUTHENTICATED, message);
    }
}
