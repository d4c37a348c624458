package io.tasker.rest;

import io.tasker.api.security.Access;

import io.tasker.errors.InvalidRequestException;
import io.tasker.readmodel.TaskSearch;
import io.tasker.task.TaskState;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The query of {@code GET /tasker/tasks}, checked before anything is read: every parameter is one the list knows,
 * given once ({@code status} may repeat or list several, comma-separated), with a valid value. Every error is named
 * at once.
 */
final class TaskListQuery {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 500;
    // Deeper pages cost a scan of everything before them: past this, page with the cursor.
    static final int MAX_OFFSET = 10_000;

    /** The parameters a list takes. */
    static final Set<String> PARAMETERS = new TreeSet<>(List.of("limit", "offset", "cursor", "namespace",
            "name", "version", "status", "tag", "initiator", "source_system", "created_after", "created_before",
            "completed_after", "sort_by", "sort_order"));
    private static final Map<String, TaskSearch.SortField> SORT_FIELDS = Arrays.stream(TaskSearch.SortField.values())
            .collect(Collectors.toMap(TaskSearch.SortField::parameter, Function.identity()));

    private final QueryParameters parameters;

    private TaskListQuery(MultivaluedMap<String, String> parameters) {
        this.parameters = new QueryParameters(parameters, PARAMETERS);
    }

    /**
     * @throws InvalidRequestException naming every parameter that is unknown, repeated or invalid
     */
    static TaskSearch parse(MultivaluedMap<String, String> parameters, Access access) {
        return new TaskListQuery(parameters).search(access);
    }

    private TaskSearch search(Access access) {
        TaskSearch.Filter filter = new TaskSearch.Filter(text("namespace"), text("name"), text("version"),
                parameters.states("status", TaskState.class, TaskState::value), text("tag"), text("initiator"),
                text("source_system"), instant("created_after"), instant("created_before"),
                instant("completed_after"), access.namespaces());
        TaskSearch.SortField sortBy = parameters.single("sort_by").map(this::sortField)
                .orElse(TaskSearch.SortField.CREATED_AT);
        boolean descending = parameters.single("sort_order").map(this::descending).orElse(true);
        int limit = parameters.single("limit").map(value -> number("limit", value, 1, MAX_LIMIT)).orElse(DEFAULT_LIMIT);
        int offset = parameters.single("offset").map(value -> number("offset", value, 0, MAX_OFFSET)).orElse(0);
        Optional<TaskSearch.Position> after = Optional.empty();
        Optional<String> cursor = parameters.single("cursor");
        if (cursor.isPresent()) {
            TaskCursor.Decoded decoded = TaskCursor.decode(cursor.get(), sortBy, descending);
            decoded.error().ifPresent(error -> parameters.error(error.field(), error.message()));
            after = decoded.position();
            if (offset > 0) {
                parameters.error("offset", "cannot be combined with cursor: a cursor says where to start");
            }
        }
        parameters.throwIfInvalid();
        return new TaskSearch(filter, sortBy, descending, limit, offset, after);
    }

    private Optional<String> text(String name) {
        Optional<String> value = parameters.single(name);
        if (value.isPresent() && value.get().isBlank()) {
            parameters.error(name, "is empty; leave it out to match any");
            return Optional.empty();
        }
        return value;
    }

    private Optional<OffsetDateTime> instant(String name) {
        return parameters.single(name).flatMap(value -> {
            try {
                return Optional.of(OffsetDateTime.parse(value));
            } catch (DateTimeParseException e) {
                parameters.error(name, "must be a date and time with its offset, such as 2026-01-31T12:00:00Z; got '"
                        + value + "'");
                return Optional.empty();
            }
        });
    }

    private TaskSearch.SortField sortField(String value) {
        TaskSearch.SortField field = SORT_FIELDS.get(value);
        if (field == null) {
            parameters.error("sort_by", "cannot sort by '" + value + "' (one of: "
                    + String.join(", ", new TreeSet<>(SORT_FIELDS.keySet())) + ")");
            return TaskSearch.SortField.CREATED_AT;
        }
        return field;
    }

    private boolean descending(String value) {
        if (!value.equals("asc") && !value.equals("desc")) {
            parameters.error("sort_order", "must be asc or desc, got '" + value + "'");
        }
        return !value.equals("asc");
    }

    private int number(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        parameters.error(name, "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
        return min;
    }
}
