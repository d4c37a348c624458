package io.tasker.errors;

/**
 * The kinds of problem Tasker answers with, each with the RFC 9457 type, the HTTP status and its title. A JMS reply
 * carries the same status as HTTP would answer.
 */
public enum ProblemKind {
    INVALID_REQUEST("invalid-request", 400, "Bad Request"),
    MALFORMED_JSON("malformed-json", 400, "Bad Request"),
    UNAUTHENTICATED("unauthenticated", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not Found"),
    CONFLICT("conflict", 409, "Conflict"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 409, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Content Too Large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type"),
    INTERNAL_ERROR("internal-error", 500, "Internal Server Error");

    private final String type;
    private final int status;
    private final String title;

    ProblemKind(String name, int status, String title) {
        this.type = "urn:tasker:problem:" + name;
        this.status = status;
        this.title = title;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
