package io.tasker.cli;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Who takes an operator action and why: recorded with the transitions it makes. */
final class Operator {

    @Option(names = "--actor", description = "Who takes the action, on a server with authentication off (on, the "
            + "token's subject is the actor, and the server refuses another name).")
    private String actor;

    @Option(names = "--reason", description = "Why, recorded with the action.")
    private String reason;

    /** The action's body: {@code actor} and, when given, {@code reason}. */
    JsonObjectBuilder body() {
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (actor != null) {
            body.add("actor", actor);
        }
        if (reason != null) {
            body.add("reason", reason);
        }
        return body;
    }

    /** The same as query parameters, for a DELETE. */
    Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("actor", actor);
        query.put("reason", reason);
        return query;
    }
}
