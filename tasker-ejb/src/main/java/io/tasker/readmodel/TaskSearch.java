package io.tasker.readmodel;

import io.tasker.task.TaskState;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Which tasks to list and in which order: a filter (every criterion given must hold; several statuses mean any of
 * them), a sort on an allowed field with the task id breaking ties, and a page: {@code limit} tasks after skipping
 * {@code offset} or after the position a previous page ended at.
 */
public record TaskSearch(Filter filter, SortField sortBy, boolean descending, int limit, int offset,
                         Optional<Position> after) {

    public TaskSearch {
        if (limit < 1 || offset < 0 || (offset > 0 && after.isPresent())) {
            throw new IllegalArgumentException("a page is a positive limit after an offset or a position, not both");
        }
    }

    /**
     * The criteria; an empty one matches every task. {@code within}: the namespaces the caller may see, when it may
     * not see them all.
     */
    public record Filter(Optional<String> namespace, Optional<String> name, Optional<String> version,
                         Set<TaskState> statuses, Optional<String> tag, Optional<String> initiator,
                         Optional<String> sourceSystem, Optional<OffsetDateTime> createdAfter,
                         Optional<OffsetDateTime> createdBefore, Optional<OffsetDateTime> completedAfter,
                         Optional<Set<String>> within) {
    }

    /** The fields a list sorts on: never null, so a position in the order is a value and a task id. */
    public enum SortField {
        TASK_ID("task_id"),
        CREATED_AT("created_at"),
        UPDATED_AT("updated_at");

        private final String parameter;

        SortField(String parameter) {
            this.parameter = parameter;
        }

        /** The name the API uses. */
        public String parameter() {
            return parameter;
        }

        /** The entity attribute this field is. */
        String attribute() {
            return switch (this) {
                case TASK_ID -> "id";
                case CREATED_AT -> "createdAt";
                case UPDATED_AT -> "updatedAt";
            };
        }

        /** Where a task stands in this order. */
        Position positionOf(TaskSummary task) {
            return new Position(switch (this) {
                case TASK_ID -> Optional.empty();
                case CREATED_AT -> Optional.of(task.createdAt());
                case UPDATED_AT -> Optional.of(task.updatedAt());
            }, task.id());
        }
    }

    /** Where a page ended: the last task's sort value (absent when sorting by id) and id. */
    public record Position(Optional<OffsetDateTime> value, long taskId) {
    }
}
