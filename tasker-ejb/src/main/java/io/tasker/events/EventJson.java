package io.tasker.events;

import io.tasker.api.events.TaskerEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON form of an event (docs/events.md), the fields in the order the catalog's schema lists them. */
public final class EventJson {

    private EventJson() {
    }

    /** The event as a JSON object's map: absent values are JSON nulls. */
    public static Map<String, Object> of(TaskerEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event_id", event.id());
        json.put("name", event.name());
        json.put("occurred_at", event.occurredAt().toString());
        json.put("task_id", event.taskId());
        json.put("namespace", event.namespace());
        json.put("task_name", event.taskName());
        json.put("version", event.version());
        json.put("correlation_id", event.correlationId());
        json.put("step_id", event.stepId());
        json.put("step_name", event.stepName());
        json.put("attempt", event.attempt());
        json.put("from_state", event.fromState());
        json.put("to_state", event.toState());
        json.put("data", event.data());
        return json;
    }
}
