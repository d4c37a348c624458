package io.tasker.events;

import java.util.List;

/**
 * One event of the catalog.
 *
 * @param name {@code <category>.<what happened>}, for example {@code step.completed}
 * @param description when it is published
 * @param transition the change of state it comes from, as {@code from → to} (a custom event's: none)
 * @param data the fields of {@link io.tasker.api.events.TaskerEvent#data()} it carries
 */
public record EventType(String name, String description, String transition, List<DataField> data) {

    public EventType {
        data = List.copyOf(data);
    }

    /** The part of the name before its first dot. */
    public String category() {
        return name.substring(0, name.indexOf('.'));
    }

    /** A field of an event's data: its name, JSON type, meaning, and a value for the example. */
    public record DataField(String name, String type, String description, Object example) {
    }
}
