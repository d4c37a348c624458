package io.tasker.telemetry;

import io.tasker.errors.InvalidRequestException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Correlation ids: what ties the log lines (and the task) of one request together, on every node. A caller may give
 * one (the {@code X-Correlation-ID} header, the {@code correlation_id} property of a JMS task request); it must be 1
 * to 128 characters of letters, digits and {@code . _ : + / = -}, so it can go into logs and headers as it is.
 * Without one, one is generated.
 */
public final class CorrelationIds {

    /** The HTTP header a request gives it in and its response returns it in. */
    public static final String HEADER = "X-Correlation-ID";
    /** The JMS message property that carries it (task requests and task-runner messages). */
    public static final String PROPERTY = "correlation_id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

    private CorrelationIds() {
    }

    /**
     * The given id, or a new one when none is given.
     *
     * @throws InvalidRequestException naming {@code field} when the given id is not a valid one
     */
    public static String acceptOrGenerate(String given, String field) {
        if (given == null) {
            return UUID.randomUUID().toString();
        }
        if (!VALID.matcher(given).matches()) {
            throw new InvalidRequestException(field, "must be 1 to 128 letters, digits or . _ : + / = -");
        }
        return given;
    }
}
