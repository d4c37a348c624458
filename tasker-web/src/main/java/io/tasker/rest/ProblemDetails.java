package io.tasker.rest;

import io.tasker.errors.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The body of every error response (RFC 9457): what kind of problem, a human summary, the status, the detail of
 * this occurrence, and for invalid requests the offending fields.
 */
public record ProblemDetails(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    static final String NOT_FOUND = "urn:tasker:problem:not-found";
    static final String CONFLICT = "urn:tasker:problem:conflict";
    static final String IDEMPOTENCY_KEY_REUSED = "urn:tasker:problem:idempotency-key-reused";
    static final String INVALID_REQUEST = "urn:tasker:problem:invalid-request";
    static final String MALFORMED_JSON = "urn:tasker:problem:malformed-json";
    static final String INTERNAL_ERROR = "urn:tasker:problem:internal-error";
    static final String HTTP_ERROR = "about:blank";

    /** A response carrying this problem, with its status and media type. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    static ProblemDetails of(String type, Response.Status status, String detail, List<FieldError> errors) {
        return new ProblemDetails(type, status.getReasonPhrase(), status.getStatusCode(), detail, List.copyOf(errors));
    }
}
