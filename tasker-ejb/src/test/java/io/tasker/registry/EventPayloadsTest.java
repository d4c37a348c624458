package io.tasker.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.api.events.EventRejectedException;
import io.tasker.json.JsonDocuments;
import io.tasker.template.TaskTemplate;
import io.tasker.template.TemplateException;
import io.tasker.template.TemplateParser;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventPayloadsTest {

    private static final String TEMPLATE = """
            name: orders
            namespace_name: shop
            version: "1.0.0"
            custom_events:
              - name: order.shipped
                payload_schema:
                  type: object
                  required: [parcel]
                  properties: {parcel: {type: string}, weight: {type: number, minimum: 0}}
            step_templates:
              - name: ship
                handler_class: shop.Ship
                custom_events:
                  - name: order.label_printed
              - name: bill
                handler_class: shop.Bill
            """;

    private final EventPayloads payloads = EventPayloads.of(parse(TEMPLATE));

    @Test
    void aDeclaredEventWithAValidPayloadIsItsJson() {
        assertEquals(Map.of("parcel", "P-1", "weight", new BigDecimal("2")), JsonDocuments.readObject(
                payloads.check("ship", "order.shipped", Map.of("parcel", "P-1", "weight", 2))));
        assertEquals("{}", payloads.check("ship", "order.label_printed", Map.of()), "no schema: any object");
        assertEquals("{}", payloads.check("ship", "order.label_printed", null), "no payload: an empty one");
    }

    @Test
    void anUndeclaredEventIsRefusedNamingWhatTheStepMayPublish() {
        EventRejectedException error = assertThrows(EventRejectedException.class,
                () -> payloads.check("bill", "order.label_printed", Map.of()));
        assertEquals("step bill of shop.orders@1.0.0 cannot publish 'order.label_printed': declare it under "
                + "custom_events of the template or the step (it declares order.shipped)", error.getMessage());
    }

    @Test
    void aPayloadThatBreaksItsSchemaIsRefusedFieldByField() {
        EventRejectedException error = assertThrows(EventRejectedException.class,
                () -> payloads.check("ship", "order.shipped", Map.of("weight", -1)));
        assertTrue(error.getMessage().startsWith("the payload of order.shipped breaks its schema: "),
                error.getMessage());
        assertTrue(error.getMessage().contains("/payload/parcel"), error.getMessage());
        assertTrue(error.getMessage().contains("/payload/weight"), error.getMessage());
    }

    @Test
    void anInvalidPayloadSchemaIsTheTemplatesError() {
        TemplateException error = assertThrows(TemplateException.class, () -> EventPayloads.of(parse(
                TEMPLATE.replace("required: [parcel]", "required: parcel"))));
        assertTrue(error.getMessage().contains("custom event 'order.shipped': payload_schema"), error.getMessage());
    }

    private static TaskTemplate parse(String yaml) {
        return new TemplateParser("test", name -> Optional.empty()).parse("orders.yaml", yaml);
    }
}
