package io.tasker.rest;

import io.tasker.events.EventCatalog;
import io.tasker.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog of events (docs/events.md): every event Tasker publishes and every custom event the registered
 * templates declare, with its data, schema and an example.
 */
@ApplicationScoped
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    private EventCatalog catalog;

    /** An event of the catalog in full. */
    public record EventView(String name, String category, String description, String transition,
                            List<DataFieldView> data, List<String> declaredBy, JsonObject payloadSchema,
                            Map<String, Object> example) {

        static EventView of(EventType type) {
            return new EventView(type.name(), type.category(), type.description(), type.transition(),
                    type.data().stream().map(field -> new DataFieldView(field.name(), field.type(),
                            field.description())).toList(),
                    type.declaredBy(), EventCatalog.payloadSchema(type), EventCatalog.example(type));
        }
    }

    /** A field of an event's data. */
    public record DataFieldView(String name, String type, String description) {
    }

    /** The events that matched. */
    public record EventList(List<EventView> events) {
    }

    /**
     * The catalog: {@code q} keeps the events whose name or description contains it (any case), {@code category}
     * those of one category ({@code task}, {@code step}, or a custom event's); 400 for a category no event has.
     */
    @GET
    @RequiresPermission("tasker.event:index")
    public EventList events(@QueryParam("q") String text, @QueryParam("category") String category) {
        return new EventList(catalog.search(Optional.ofNullable(text).filter(value -> !value.isBlank()),
                Optional.ofNullable(category)).stream().map(EventView::of).toList());
    }

    /** One event: 404 when the catalog has none of that name. */
    @GET
    @Path("{name}")
    @RequiresPermission("tasker.event:show")
    public EventView event(@PathParam("name") String name) {
        return EventView.of(catalog.find(name));
    }
}
