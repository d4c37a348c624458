package io.tasker.events;

import io.tasker.api.events.TaskerEvent;
import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.NotFoundException;
import io.tasker.json.JsonDocuments;
import io.tasker.registry.HandlerRegistry;
import io.tasker.registry.RegisteredTask;
import io.tasker.template.CustomEventDefinition;
import io.tasker.template.TaskTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every event Tasker publishes, its own and the custom events of the registered templates, with the JSON Schema and
 * an example of the JSON form each takes (the form docs/events.md shows): the fields every event has, then its data.
 */
@ApplicationScoped
public class EventCatalog {

    /** The fields of every event, with their JSON types and whether they may be null. */
    private record CommonField(String name, String type, boolean nullable, String description) {
    }

    private static final List<CommonField> COMMON = List.of(
            new CommonField("event_id", "string", false, "unique per occurrence, the same on each delivery"),
            new CommonField("name", "string", false, "the event's name"),
            new CommonField("occurred_at", "string", false, "when the change wrote its transition (ISO-8601)"),
            new CommonField("task_id", "integer", false, "the task's id"),
            new CommonField("namespace", "string", false, "the namespace of the task's template"),
            new CommonField("task_name", "string", false, "the name of the task's template"),
            new CommonField("version", "string", false, "the version of the task's template"),
            new CommonField("correlation_id", "string", true, "the correlation id of the task's request"),
            new CommonField("step_id", "integer", true, "the step's id; null for a task's event"),
            new CommonField("step_name", "string", true, "the step's name; null for a task's event"),
            new CommonField("attempt", "integer", true, "the step's attempt it is about; null if none"),
            new CommonField("from_state", "string", true, "the state left; null on creation and for a custom event"),
            new CommonField("to_state", "string", true, "the state entered; null for a custom event"));

    @Inject
    private HandlerRegistry registry;

    public EventCatalog() {
        // For CDI.
    }

    /** A catalog of Tasker's events and the custom events of the templates registered in {@code registry}. */
    public EventCatalog(HandlerRegistry registry) {
        this.registry = registry;
    }

    /**
     * The events whose name or description contains {@code text} (any case), of {@code category} when given, in
     * catalog order: Tasker's own, then the custom events of the registered templates by name.
     *
     * @throws InvalidRequestException naming {@code category} when no event is of that category
     */
    public List<EventType> search(Optional<String> text, Optional<String> category) {
        List<EventType> all = all();
        if (category.isPresent() && all.stream().noneMatch(type -> type.category().equals(category.get()))) {
            throw new InvalidRequestException("category", "must be one of " + all.stream().map(EventType::category)
                    .distinct().collect(Collectors.joining(", ")) + ", got '" + category.get() + "'");
        }
        String wanted = text.map(value -> value.toLowerCase(Locale.ROOT)).orElse("");
        return all.stream()
                .filter(type -> category.isEmpty() || type.category().equals(category.get()))
                .filter(type -> type.name().contains(wanted) || type.description().toLowerCase(Locale.ROOT)
                        .contains(wanted))
                .toList();
    }

    /** @throws NotFoundException when the catalog has no such event */
    public EventType find(String name) {
        return all().stream().filter(type -> type.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("no event named '" + name + "' (GET /tasker/events lists "
                        + "them)"));
    }

    private List<EventType> all() {
        return Stream.concat(SystemEvents.ALL.stream(), customEvents(registry.all().stream()
                .map(RegisteredTask::template).toList()).stream()).toList();
    }

    /**
     * The custom events the templates declare, by name: one entry per name, described as the first template (in
     * the order given) declares it, with every template that does.
     */
    public static List<EventType> customEvents(List<TaskTemplate> templates) {
        Map<String, List<TaskTemplate>> declaring = new TreeMap<>();
        Map<String, CustomEventDefinition> first = new HashMap<>();
        for (TaskTemplate template : templates) {
            for (CustomEventDefinition event : template.allCustomEvents()) {
                declaring.computeIfAbsent(event.name(), name -> new ArrayList<>()).add(template);
                first.putIfAbsent(event.name(), event);
            }
        }
        return declaring.entrySet().stream().map(entry -> {
            CustomEventDefinition event = first.get(entry.getKey());
            return new EventType(event.name(), Optional.ofNullable(event.description())
                    .orElse("A custom event its templates' handlers publish."), null, List.of(),
                    event.payloadSchema(), entry.getValue().stream().map(TaskTemplate::fullName).toList());
        }).toList();
    }

    /** The JSON Schema of the event's JSON form. */
    public static JsonObject payloadSchema(EventType type) {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        JsonArrayBuilder required = Json.createArrayBuilder();
        for (CommonField field : COMMON) {
            properties.add(field.name(), Json.createObjectBuilder()
                    .add("type", field.nullable() ? Json.createArrayBuilder().add(field.type()).add("null").build()
                            : Json.createValue(field.type()))
                    .add("description", field.description()));
            required.add(field.name());
        }
        properties.add("name", Json.createObjectBuilder().add("const", type.name()));
        if (type.declaredSchema().isPresent()) {
            properties.add("data", Json.createReader(new StringReader(JsonDocuments.write(
                    type.declaredSchema().get()))).readObject());
        } else {
            JsonObjectBuilder data = Json.createObjectBuilder();
            type.data().forEach(field -> data.add(field.name(), Json.createObjectBuilder().add("type", field.type())
                    .add("description", field.description())));
            properties.add("data", Json.createObjectBuilder().add("type", "object").add("properties", data)
                    .add("description", type.transition() == null ? "the payload its handler published"
                            : "present when the change says them"));
        }
        return Json.createObjectBuilder()
                .add("$schema", "https://json-schema.org/draft/2020-12/schema")
                .add("title", type.name())
                .add("type", "object")
                .add("required", required.add("data"))
                .add("properties", properties)
                .build();
    }

    /** An example of the event's JSON form (a custom event's with empty data: its schema says what goes there). */
    public static Map<String, Object> example(EventType type) {
        Instant at = Instant.parse("2026-12-01T10:15:30.123Z");
        if (type.transition() == null) {
            return EventJson.of(new TaskerEvent("custom-4711", type.name(), at, 1042, "examples", "diamond_workflow",
                    "1.0.0", "order-8812", 5210L, "merge_branches", 1, null, null, Map.of()));
        }
        boolean step = type.category().equals("step");
        String[] states = type.transition().split(" → ");
        String from = states[0].split(", ")[0];
        Map<String, Object> data = new LinkedHashMap<>();
        type.data().forEach(field -> data.put(field.name(), field.example()));
        return EventJson.of(new TaskerEvent((step ? "step-" : "task-") + 4711, type.name(), at, 1042, "examples",
                "diamond_workflow", "1.0.0", "order-8812", step ? 5210L : null, step ? "branch_one_process" : null,
                step ? 1 : null, from.equals("(new)") ? null : from, states[1].split(", ")[0], data));
    }
}
