package io.tasker.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event of the catalog.
 *
 * @param name {@code <category>.<what happened>}, for example {@code step.completed}
 * @param description when it is published
 * @param transition the change of state it comes from, as {@code from → to}; null for a custom event
 * @param data the fields of {@link io.tasker.api.events.TaskerEvent#data()} it carries
 * @param declaredSchema a custom event's payload schema, as its template declares it (its data); empty for any
 *     object, and for Tasker's own events (their data is described by {@code data})
 * @param declaredBy the templates that declare a custom event ({@code namespace.name@version}); empty for Tasker's
 */
public record EventType(String name, String description, String transition, List<DataField> data,
                        Optional<Map<String, Object>> declaredSchema, List<String> declaredBy) {

    public EventType {
        data = List.copyOf(data);
        declaredBy = List.copyOf(declaredBy);
    }

    /** One of Tasker's own events. */
    public EventType(String name, String description, String transition, List<DataField> data) {
        this(name, description, transition, data, Optional.empty(), List.of());
    }

    /** The part of the name before its first dot. */
    public String category() {
        return name.substring(0, name.indexOf('.'));
    }

    /** A field of an event's data: its name, JSON type, meaning, and a value for the example. */
    public record DataField(String name, String type, String description, Object example) {
    }
}
