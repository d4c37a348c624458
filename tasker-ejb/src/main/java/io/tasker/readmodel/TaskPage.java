package io.tasker.readmodel;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a task list: its tasks, where the next page starts (absent on the last page), and how many tasks
 * match in all when that is cheap to count (at most {@link TaskReader#COUNT_LIMIT}; absent above).
 */
public record TaskPage(List<ListedTask> tasks, Optional<TaskSearch.Position> next, OptionalLong total) {
}
