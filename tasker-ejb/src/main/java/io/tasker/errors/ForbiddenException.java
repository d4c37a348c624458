package io.tasker.errors;

/** The caller may not do this: its permission does not reach what it asked for. */
public class ForbiddenException extends TaskerException {

    public ForbiddenException(String message) {
        super(ProblemKind.FORBIDDEN, message);
    }

    /** The caller holds the permission, but not in the namespace it asked for. */
    public static ForbiddenException outsideNamespace(String permission, String caller, String namespace) {
        return new ForbiddenException(permission + " is not granted to " + caller + " in namespace " + namespace);
    }
}
