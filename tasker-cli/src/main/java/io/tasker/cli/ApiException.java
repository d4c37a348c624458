package io.tasker.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The server answered a request with an error: its problem document (RFC 9457), or its body when it had none. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(String request, int status, Optional<JsonObject> problem, String body) {
        super(describe(request, status, problem, body));
        this.status = status;
    }

    int status() {
        return status;
    }

    // "POST /tasker/tasks: 400 Invalid request: ..." and a line per field the problem names.
    private static String describe(String request, int status, Optional<JsonObject> problem, String body) {
        if (problem.isEmpty() || !problem.get().containsKey("title")) {
            return request + ": " + status + (body.isBlank() ? "" : " " + body.strip());
        }
        JsonObject document = problem.get();
        List<String> lines = new ArrayList<>();
        lines.add(request + ": " + status + " " + document.getString("title", "")
                + (document.isNull("detail") || !document.containsKey("detail") ? ""
                : ": " + document.getString("detail")));
        if (document.get("errors") instanceof JsonArray errors) {
            for (JsonValue error : errors) {
                JsonObject field = error.asJsonObject();
                lines.add("  " + field.getString("field", "") + ": " + field.getString("message", ""));
            }
        }
        return String.join(System.lineSeparator(), lines);
    }
}
