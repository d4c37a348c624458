package io.tasker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    void allowsExactlyTheTransitionsOfTheReference() {
        assertEquals(EnumSet.of(TaskState.IN_PROGRESS, TaskState.CANCELLED, TaskState.ERROR),
                targets(TaskState.PENDING));
        assertEquals(EnumSet.of(TaskState.COMPLETE, TaskState.ERROR, TaskState.CANCELLED, TaskState.PENDING),
                targets(TaskState.IN_PROGRESS));
        assertEquals(EnumSet.of(TaskState.PENDING, TaskState.RESOLVED_MANUALLY), targets(TaskState.ERROR));
        assertEquals(EnumSet.of(TaskState.CANCELLED), targets(TaskState.COMPLETE));
        assertEquals(EnumSet.of(TaskState.CANCELLED), targets(TaskState.RESOLVED_MANUALLY));
        assertEquals(Set.of(), targets(TaskState.CANCELLED));
    }

    @Test
    void onlyPendingAndRunningTasksAreActive() {
        assertTrue(TaskState.PENDING.isActive());
        assertTrue(TaskState.IN_PROGRESS.isActive());
        assertFalse(TaskState.COMPLETE.isActive());
        assertFalse(TaskState.ERROR.isActive());
        assertFalse(TaskState.CANCELLED.isActive());
    }

    private static Set<TaskState> targets(TaskState from) {
        return EnumSet.allOf(TaskState.class).stream().filter(from::canTransitionTo)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaskState.class)));
    }
}
