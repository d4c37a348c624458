package io.tasker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.NotFoundException;
import io.tasker.json.JsonDocuments;
import io.tasker.registry.ContextSchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    private final EventCatalog catalog = new EventCatalog();

    @Test
    void eachEventsExampleSatisfiesItsSchema() {
        for (EventType type : SystemEvents.ALL) {
            ContextSchema schema = ContextSchema.compile(JsonDocuments.readObject(
                    EventCatalog.payloadSchema(type).toString()));
            assertEquals(List.of(), schema.violations(EventCatalog.example(type)), type.name());
            assertTrue(!type.description().isBlank() && type.name().matches("(task|step)\\.[a-z_]+"), type.name());
        }
    }

    @Test
    void searchesByTextAndCategory() {
        assertEquals(List.of("step.retry_scheduled", "step.retry_requested"), names(Optional.of("RETRY_"),
                Optional.of("step")));
        assertEquals(9, catalog.search(Optional.empty(), Optional.of("task")).size());
        assertEquals(SystemEvents.ALL, catalog.search(Optional.empty(), Optional.empty()));
        assertEquals("step.timed_out", catalog.find("step.timed_out").name());
    }

    @Test
    void refusesAnUnknownCategoryAndEvent() {
        InvalidRequestException category = assertThrows(InvalidRequestException.class,
                () -> catalog.search(Optional.empty(), Optional.of("workflow")));
        assertEquals("category", category.errors().get(0).field());
        assertThrows(NotFoundException.class, () -> catalog.find("task.exploded"));
    }

    private List<String> names(Optional<String> text, Optional<String> category) {
        return catalog.search(text, category).stream().map(EventType::name).toList();
    }
}
