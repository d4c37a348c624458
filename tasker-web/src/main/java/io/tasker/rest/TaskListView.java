package io.tasker.rest;

import io.tasker.readmodel.TaskPage;
import io.tasker.readmodel.TaskReader;
import io.tasker.readmodel.TaskSearch;
import java.util.List;

/**
 * A page of {@code GET /tasker/tasks}: the tasks (without their steps), the page asked for, the cursor of the next
 * page ({@code null} on the last), and how many tasks match in all, or {@code null} with the reason.
 */
public record TaskListView(List<TaskView> tasks, int limit, int offset, String nextCursor, Long total,
                           String totalNote) {

    static TaskListView of(TaskSearch search, TaskPage page) {
        String next = page.next()
                .map(position -> TaskCursor.encode(search.sortBy(), search.descending(), position))
                .orElse(null);
        boolean counted = page.total().isPresent();
        return new TaskListView(page.tasks().stream().map(TaskView::summaryOf).toList(), search.limit(),
                search.offset(), next, counted ? page.total().getAsLong() : null, counted ? null
                        : "more than " + TaskReader.COUNT_LIMIT + " tasks match; narrow the filter to count them");
    }
}
