package io.tasker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    @Test
    void namesCategoriesAndEverything() {
        EventFilter filter = EventFilter.of(Set.of("task.completed", "step.*"));

        assertTrue(filter.matches("task.completed"));
        assertTrue(filter.matches("step.failed"));
        assertFalse(filter.matches("task.failed"));
        assertFalse(filter.matches("steps.other"), "a category is matched whole");
        assertTrue(EventFilter.of(Set.of("*")).matches("order.shipped"));
    }

    @Test
    void refusesWhatIsNoneOfTheForms() {
        assertEquals("asks for 'step*': an event is named as <category>.<name> (task.completed), a category's "
                + "events as <category>.* (step.*), every event as *",
                assertThrows(IllegalArgumentException.class, () -> EventFilter.of(Set.of("step*"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EventFilter.of(Set.of("Task.Completed")));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.of(Set.of()));
    }
}
