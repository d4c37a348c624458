package io.tasker.rest;

import io.tasker.errors.InvalidRequestException;
import io.tasker.json.JsonFields;
import io.tasker.json.JsonValues;
import io.tasker.task.Operator;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the body of an operator's action: {@code actor} (default {@code anonymous}) and {@code reason}, strings;
 * for a resolution also {@code results}, the step's results (a JSON object, required). The {@code X-Request-Id}
 * header names the request in the transitions (a new id when absent).
 */
final class OperatorBody {

    private static final Set<String> FIELDS = Set.of("actor", "reason");
    private static final String RESULTS = "results";
    private static final String ANONYMOUS = "anonymous";

    private final Operator operator;
    private final Map<String, Object> results;

    private OperatorBody(Operator operator, Map<String, Object> results) {
        this.operator = operator;
        this.results = results;
    }

    /**
     * @throws InvalidRequestException naming every field that is unknown or invalid
     */
    static Operator read(JsonValue body, String requestId) {
        return parse(body, requestId, false).operator;
    }

    /**
     * @throws InvalidRequestException naming every field that is unknown, missing or invalid
     */
    static OperatorBody readResolution(JsonValue body, String requestId) {
        return parse(body, requestId, true);
    }

    Operator operator() {
        return operator;
    }

    Map<String, Object> results() {
        return results;
    }

    private static OperatorBody parse(JsonValue body, String requestId, boolean withResults) {
        if (!(body instanceof JsonObject object)) {
            throw new InvalidRequestException("body", "must be a JSON object" + (withResults
                    ? " with results" : " ({} or with actor and reason)"));
        }
        Set<String> allowed = new HashSet<>(FIELDS);
        if (withResults) {
            allowed.add(RESULTS);
        }
        JsonFields fields = new JsonFields(object, allowed, "an operator's request");
        String actor = fields.text("actor");
        String reason = fields.text("reason");
        Map<String, Object> results = Map.of();
        if (withResults) {
            if (fields.value(RESULTS) instanceof JsonObject given) {
                results = JsonValues.toMap(given);
            } else {
                fields.error(RESULTS, "is required: a JSON object, the step's results");
            }
        }
        if (requestId != null && (requestId.isBlank() || requestId.length() > JsonFields.MAX_TEXT)) {
            fields.error("X-Request-Id", "must be 1 to " + JsonFields.MAX_TEXT + " characters");
        }
        if (!fields.errors().isEmpty()) {
            throw new InvalidRequestException(fields.errors());
        }
        return new OperatorBody(new Operator(actor == null ? ANONYMOUS : actor, reason,
                requestId == null ? UUID.randomUUID().toString() : requestId), results);
    }
}
