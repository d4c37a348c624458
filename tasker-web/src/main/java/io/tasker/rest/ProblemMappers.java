package io.tasker.rest;

import io.tasker.errors.FieldError;
import io.tasker.errors.Problem;
import io.tasker.errors.ProblemKind;
import io.tasker.errors.TaskerException;
import jakarta.json.JsonException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Maps every failure to one {@code application/problem+json} shape; nothing leaves the API as an HTML page. */
public final class ProblemMappers {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
    // What the problem document of an error of the JAX-RS runtime (unknown path, wrong method) is typed as.
    private static final String HTTP_ERROR = "about:blank";

    private ProblemMappers() {
    }

    /** The engine's failures: each kind keeps its status (400, 404, 409, 413). */
    @Provider
    public static class Engine implements ExceptionMapper<TaskerException> {
        @Override
        public Response toResponse(TaskerException e) {
            return respond(Problem.of(e));
        }
    }

    /** The body is not JSON: 400. */
    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return malformed(e);
        }
    }

    /**
     * Errors the JAX-RS runtime raises keep their status (unknown path, wrong method, unacceptable media type); a
     * body of a type the endpoint does not take says which types it takes: every body the API reads is JSON, a
     * task's patch also a JSON merge patch.
     */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {

        @Context
        private HttpHeaders headers;

        @Context
        private Request request;

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof JsonException) {
                return malformed(e.getCause());
            }
            if (e instanceof NotSupportedException) {
                MediaType given = headers.getMediaType();
                String taken = HttpMethod.PATCH.equals(request.getMethod())
                        ? MediaType.APPLICATION_JSON + " or " + TaskResource.MERGE_PATCH : MediaType.APPLICATION_JSON;
                return respond(Problem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "This endpoint takes " + taken
                        + " bodies", List.of(new FieldError(HttpHeaders.CONTENT_TYPE, "must be " + taken + ", got "
                        + (given == null ? "none" : "'" + given + "'")))));
            }
            return httpError(e.getResponse().getStatus(), e.getMessage());
        }
    }

    /** Anything else is a fault of ours: 500, logged with an id the response repeats, no internals exposed. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "TASKER-API-001 unexpected failure, incident " + incident, e);
            return respond(Problem.of(ProblemKind.INTERNAL_ERROR, "Unexpected failure, incident " + incident,
                    List.of()));
        }
    }

    /** A response carrying the problem, with its status and media type. */
    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    /** A problem of HTTP's own, as the status says: one of the server's that Tasker passes on. */
    static Response httpError(int status, String detail) {
        Response.StatusType info = Response.status(status).build().getStatusInfo();
        return respond(new Problem(HTTP_ERROR, info.getReasonPhrase(), status, detail, List.of()));
    }

    private static Response malformed(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return respond(Problem.of(ProblemKind.MALFORMED_JSON, "The request body is not valid JSON for this request",
                List.of(new FieldError("body", cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : cause.getMessage()))));
    }
}
