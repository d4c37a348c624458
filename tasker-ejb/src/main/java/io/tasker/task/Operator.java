package io.tasker.task;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who asks for an operator's change and why: the actor (the authenticated caller once requests carry one; until then
 * as the request names it, or {@code anonymous}), the reason, and the request's id. The transitions of the change
 * record them.
 */
public record Operator(String actor, String reason, String requestId) {

    /** The transitions' metadata for {@code action}. */
    Map<String, Object> metadata(String action) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("action", action);
        metadata.put("actor", actor);
        metadata.put("reason", reason);
        metadata.put("request_id", requestId);
        return metadata;
    }
}
