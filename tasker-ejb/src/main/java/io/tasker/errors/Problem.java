package io.tasker.errors;

import java.util.List;

/**
 * A problem document (RFC 9457), the body of every error Tasker answers, over HTTP and in JMS replies: what kind of
 * problem, a human summary, the status, the detail of this occurrence, and the offending fields (empty when the
 * problem is not about fields).
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public Problem {
        errors = List.copyOf(errors);
    }

    public static Problem of(ProblemKind kind, String detail, List<FieldError> errors) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, errors);
    }

    /** The document of a failure the engine reports. */
    public static Problem of(TaskerException failure) {
        return of(failure.kind(), failure.detail(), failure.errors());
    }
}
