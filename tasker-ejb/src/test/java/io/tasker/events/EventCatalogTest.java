package io.tasker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.NotFoundException;
import io.tasker.json.JsonDocuments;
import io.tasker.registry.ContextSchema;
import io.tasker.registry.HandlerRegistry;
import io.tasker.template.TaskTemplate;
import io.tasker.template.TemplateParser;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    private final EventCatalog catalog = new EventCatalog(new HandlerRegistry());

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
    void aCustomEventIsListedOnceWithTheTemplatesThatDeclareItAndItsDeclaredSchema() {
        List<EventType> custom = EventCatalog.customEvents(List.of(template("1.0.0"), template("1.1.0")));

        assertEquals(1, custom.size());
        EventType shipped = custom.get(0);
        assertEquals(List.of("order.shipped", "order", "The parcel left"), List.of(shipped.name(),
                shipped.category(), shipped.description()));
        assertEquals(List.of("shop.orders@1.0.0", "shop.orders@1.1.0"), shipped.declaredBy());
        assertEquals(null, shipped.transition());
        Map<String, Object> schema = JsonDocuments.readObject(EventCatalog.payloadSchema(shipped).toString());
        assertEquals(Map.of("type", "object", "required", List.of("parcel")), without(((Map<?, ?>) ((Map<?, ?>)
                schema.get("properties")).get("data")), "properties"));
        assertEquals(List.of(), ContextSchema.compile(JsonDocuments.readObject(EventCatalog.payloadSchema(
                shipped).toString())).violations(withData(EventCatalog.example(shipped), Map.of("parcel", "P-1"))));
    }

    @Test
    void refusesAnUnknownCategoryAndEvent() {
        InvalidRequestException category = assertThrows(InvalidRequestException.class,
                () -> catalog.search(Optional.empty(), Optional.of("workflow")));
        assertEquals("category", category.errors().get(0).field());
        assertThrows(NotFoundException.class, () -> catalog.find("task.exploded"));
    }

    private static TaskTemplate template(String version) {
        return new TemplateParser("test", name -> Optional.empty()).parse("orders.yaml", """
                name: orders
                namespace_name: shop
                version: "%s"
                custom_events:
                  - name: order.shipped
                    description: The parcel left
                    payload_schema: {type: object, required: [parcel], properties: {parcel: {type: string}}}
                step_templates:
                  - name: ship
                    handler_class: shop.Ship
                """.formatted(version));
    }

    private static Map<Object, Object> without(Map<?, ?> map, String key) {
        Map<Object, Object> copy = new java.util.HashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static Map<String, Object> withData(Map<String, Object> event, Map<String, Object> data) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(event);
        copy.put("data", data);
        return copy;
    }

    private List<String> names(Optional<String> text, Optional<String> category) {
        return catalog.search(text, category).stream().map(EventType::name).toList();
    }
}
