package io.tasker.rest;

import io.tasker.errors.InvalidRequestException;
import io.tasker.json.JsonFields;
import io.tasker.json.JsonValues;
import io.tasker.task.Operator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the body (or, for an action without one, the query) of an operator's action: {@code actor} (default
 * {@code anonymous}; with authentication on, the authenticated subject, which a different one contradicts) and
 * {@code reason}, strings;
 * for a step's retry also {@code inputs}, the step's new inputs (a JSON object, optional); for a resolution
 * {@code results}, the step's results (a JSON object, required). The {@code X-Request-Id} header names the request in
 * the transitions (a new id when absent).
 */
final class OperatorBody {

    /** What the action takes besides who acts and why. */
    enum Action {
        /** Nothing more: a task's retry. */
        PLAIN(null, false),
        /** A step's retry: optionally new inputs. */
        STEP_RETRY("inputs", false),
        /** A step's resolution: its results. */
        RESOLUTION("results", true);

        private final String document;
        private final boolean documentRequired;

        Action(String document, boolean documentRequired) {
            this.document = document;
            this.documentRequired = documentRequired;
        }
    }

    /** Who acts and why: fields of a body, or parameters of a query. */
    static final Set<String> FIELDS = Set.of("actor", "reason");
    private static final String ANONYMOUS = "anonymous";

    private final Operator operator;
    private final Optional<Map<String, Object>> document;

    private OperatorBody(Operator operator, Optional<Map<String, Object>> document) {
        this.operator = operator;
        this.document = document;
    }

    /**
     * @throws InvalidRequestException naming every field that is unknown, missing or invalid
     */
    static OperatorBody read(JsonValue body, String requestId, Action action, Optional<String> subject) {
        if (!(body instanceof JsonObject object)) {
            throw new InvalidRequestException("body", "must be a JSON object" + (action.documentRequired
                    ? " with " + action.document : " ({} or with actor and reason)"));
        }
        Set<String> allowed = new HashSet<>(FIELDS);
        if (action.document != null) {
            allowed.add(action.document);
        }
        JsonFields fields = new JsonFields(object, allowed, "an operator's request");
        String actor = fields.text("actor");
        if (subject.isPresent() && actor != null && !actor.equals(subject.get())) {
            fields.error("actor", "is the authenticated subject, " + subject.get() + ", while authentication is on: "
                    + "leave it out");
        }
        String reason = fields.text("reason");
        Optional<Map<String, Object>> document = Optional.empty();
        if (action.document != null) {
            JsonValue given = fields.value(action.document);
            if (given instanceof JsonObject documentObject) {
                document = Optional.of(JsonValues.toMap(documentObject));
            } else if (given != null || action.documentRequired) {
                fields.error(action.document, (action.documentRequired ? "is required: " : "must be ")
                        + "a JSON object, the step's " + action.document);
            }
        }
        if (requestId != null && (requestId.isBlank() || requestId.length() > JsonFields.MAX_TEXT)) {
            fields.error("X-Request-Id", "must be 1 to " + JsonFields.MAX_TEXT + " characters");
        }
        if (!fields.errors().isEmpty()) {
            throw new InvalidRequestException(fields.errors());
        }
        return new OperatorBody(new Operator(subject.orElse(actor == null ? ANONYMOUS : actor), reason,
                requestId == null ? UUID.randomUUID().toString() : requestId), document);
    }

    /**
     * Reads who acts and why from a request's query, as a body would give them (for an action without a body).
     *
     * @throws InvalidRequestException naming every parameter that is unknown, repeated or invalid
     */
    static Operator fromQuery(MultivaluedMap<String, String> query, String requestId, Optional<String> subject) {
        QueryParameters parameters = new QueryParameters(query, FIELDS);
        JsonObjectBuilder body = Json.createObjectBuilder();
        FIELDS.forEach(name -> parameters.single(name).ifPresent(value -> body.add(name, value)));
        parameters.throwIfInvalid();
        return read(body.build(), requestId, Action.PLAIN, subject).operator();
    }

    Operator operator() {
        return operator;
    }

    /** The inputs of a step's retry, if given; the results of a resolution. */
    Optional<Map<String, Object>> document() {
        return document;
    }
}
