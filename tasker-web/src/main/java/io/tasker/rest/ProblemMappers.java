package io.tasker.rest;

import io.tasker.errors.ConflictException;
import io.tasker.errors.FieldError;
import io.tasker.errors.IdempotencyKeyReusedException;
import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.NotFoundException;
import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Maps every failure to one {@code application/problem+json} shape; nothing leaves the API as an HTML page. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** Something the request names does not exist: 404. */
    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return ProblemDetails.of(ProblemDetails.NOT_FOUND, Response.Status.NOT_FOUND, e.getMessage(), List.of())
                    .toResponse();
        }
    }

    /** The request conflicts with the state of what it names: 409. */
    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return ProblemDetails.of(ProblemDetails.CONFLICT, Response.Status.CONFLICT, e.getMessage(), List.of())
                    .toResponse();
        }
    }

    /** An idempotency key reused for a different request: 409, naming the header. */
    @Provider
    public static class IdempotencyKeyReused implements ExceptionMapper<IdempotencyKeyReusedException> {
        @Override
        public Response toResponse(IdempotencyKeyReusedException e) {
            return ProblemDetails.of(ProblemDetails.IDEMPOTENCY_KEY_REUSED, Response.Status.CONFLICT,
                    "The Idempotency-Key was used for a different request",
                    List.of(new FieldError("Idempotency-Key", e.getMessage()))).toResponse();
        }
    }

    /** The request is invalid: 400, naming every offending field. */
    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return ProblemDetails.of(ProblemDetails.INVALID_REQUEST, Response.Status.BAD_REQUEST,
                    "The request is invalid", e.errors()).toResponse();
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

    /** Errors the JAX-RS runtime raises (unknown path, wrong method, unsupported media type) keep their status. */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof JsonException) {
                return malformed(e.getCause());
            }
            Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
            return ProblemDetails.of(ProblemDetails.HTTP_ERROR, status == null ? Response.Status.BAD_REQUEST : status,
                    e.getMessage(), List.of()).toResponse();
        }
    }

    /** Anything else is a fault of ours: 500, logged with an id the response repeats, no internals exposed. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "TASKER-API-001 unexpected failure, incident " + incident, e);
            return ProblemDetails.of(ProblemDetails.INTERNAL_ERROR, Response.Status.INTERNAL_SERVER_ERROR,
                    "Unexpected failure, incident " + incident, List.of()).toResponse();
        }
    }

    private static Response malformed(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return ProblemDetails.of(ProblemDetails.MALFORMED_JSON, Response.Status.BAD_REQUEST,
                "The request body is not valid JSON for this request", List.of(new FieldError("body",
                        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())))
                .toResponse();
    }
}
