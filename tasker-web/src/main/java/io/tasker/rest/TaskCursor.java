package io.tasker.rest;

import io.tasker.errors.FieldError;
import io.tasker.readmodel.TaskSearch;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code cursor} of a task list: where the last page ended, in the order it was sorted. Paging by
 * position rather than offset, a list stays stable while tasks are created; a cursor is valid only for the order it
 * was made in.
 */
final class TaskCursor {

    private static final String FORMAT = "t1";
    private static final String SEPARATOR = "|";

    private TaskCursor() {
    }

    static String encode(TaskSearch.SortField sortBy, boolean descending, TaskSearch.Position position) {
        String text = String.join(SEPARATOR, FORMAT, sortBy.parameter(), order(descending),
                position.value().map(OffsetDateTime::toString).orElse(""), Long.toString(position.taskId()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in {@code cursor}, or the error naming why it cannot be used for this order. */
    static Decoded decode(String cursor, TaskSearch.SortField sortBy, boolean descending) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            return Decoded.invalid();
        }
        if (parts.length != 5 || !parts[0].equals(FORMAT)) {
            return Decoded.invalid();
        }
        if (!parts[1].equals(sortBy.parameter()) || !parts[2].equals(order(descending))) {
            return new Decoded(Optional.empty(), Optional.of(new FieldError("cursor", "was made for sort_by="
                    + parts[1] + " and sort_order=" + parts[2] + "; give the same or start without a cursor")));
        }
        try {
            Optional<OffsetDateTime> value = parts[3].isEmpty() ? Optional.empty()
                    : Optional.of(OffsetDateTime.parse(parts[3]));
            if (value.isPresent() == (sortBy == TaskSearch.SortField.TASK_ID)) {
                return Decoded.invalid();
            }
            return new Decoded(Optional.of(new TaskSearch.Position(value, Long.parseLong(parts[4]))),
                    Optional.empty());
        } catch (DateTimeParseException | NumberFormatException e) {
            return Decoded.invalid();
        }
    }

    static String order(boolean descending) {
        return descending ? "desc" : "asc";
    }

    /** A decoded cursor: its position, or what is wrong with it. */
    record Decoded(Optional<TaskSearch.Position> position, Optional<FieldError> error) {

        static Decoded invalid() {
            return new Decoded(Optional.empty(), Optional.of(new FieldError("cursor",
                    "is not a cursor of this list: pass on the next_cursor of a page as it was given")));
        }
    }
}
