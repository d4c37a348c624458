package io.tasker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    void onlyPendingAndRunningTasksAreActive() {
        assertTrue(TaskState.PENDING.isActive());
        assertTrue(TaskState.IN_PROGRESS.isActive());
        assertFalse(TaskState.COMPLETE.isActive());
        assertFalse(TaskState.ERROR.isActive());
        assertFalse(TaskState.CANCELLED.isActive());
        assertFalse(TaskState.RESOLVED_MANUALLY.isActive());
    }

    @Test
    void roundTripsItsStoredName() {
        for (TaskState state : TaskState.values()) {
            assertEquals(state, TaskState.of(state.value()));
        }
        assertEquals("in_progress", TaskState.IN_PROGRESS.value());
    }
}
