package io.tasker.registry;

import io.tasker.api.events.EventRejectedException;
import io.tasker.errors.FieldError;
import io.tasker.json.JsonDocuments;
import io.tasker.template.CustomEventDefinition;
import io.tasker.template.TaskTemplate;
import io.tasker.template.TemplateException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The custom events a template declares, with their payload schemas compiled: what a handler may publish
 * (docs/events.md).
 */
public final class EventPayloads {

    private final TaskTemplate template;
    private final Map<String, ContextSchema> schemas;

    private EventPayloads(TaskTemplate template, Map<String, ContextSchema> schemas) {
        this.template = template;
        this.schemas = schemas;
    }

    /**
     * @throws TemplateException naming the template and the event when a payload schema is not a valid JSON Schema
     */
    public static EventPayloads of(TaskTemplate template) {
        Map<String, ContextSchema> schemas = new HashMap<>();
        for (CustomEventDefinition event : template.allCustomEvents()) {
            try {
                event.payloadSchema().ifPresent(schema -> schemas.put(event.name(), ContextSchema.compile(schema)));
            } catch (IllegalArgumentException e) {
                throw new TemplateException(template.source(), "custom event '" + event.name() + "': payload_"
                        + e.getMessage());
            }
        }
        return new EventPayloads(template, Map.copyOf(schemas));
    }

    /**
     * The payload as JSON text, once checked: the event is declared by the template or by the step, and the payload
     * satisfies its schema.
     *
     * @throws EventRejectedException saying which: the event is not declared for the step (naming what is), or
     *     each field of the payload that breaks the schema, at its pointer under {@code /payload}
     */
    public String check(String step, String event, Map<String, Object> payload) {
        if (template.customEvent(step, event).isEmpty()) {
            List<String> declared = template.allCustomEvents().stream()
                    .filter(known -> template.customEvent(step, known.name()).isPresent())
                    .map(CustomEventDefinition::name).toList();
            throw new EventRejectedException("step " + step + " of " + template.fullName() + " cannot publish '"
                    + event + "': declare it under custom_events of the template or the step (it declares "
                    + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
        }
        Map<String, Object> document = payload == null ? Map.of() : payload;
        ContextSchema schema = schemas.get(event);
        List<FieldError> violations = schema == null ? List.of() : schema.violations(document, "/payload");
        if (!violations.isEmpty()) {
            throw new EventRejectedException("the payload of " + event + " breaks its schema: "
                    + violations.stream().map(violation -> violation.field() + " " + violation.message())
                    .collect(Collectors.joining("; ")));
        }
        try {
            return JsonDocuments.writeChecked(document, "the payload of " + event);
        } catch (IllegalArgumentException e) {
            throw new EventRejectedException(e.getMessage());
        }
    }
}
