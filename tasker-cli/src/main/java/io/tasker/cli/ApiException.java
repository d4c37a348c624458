package io.tasker.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Tasker refused or failed a request: its problem document (RFC 9457). */
final class ApiException extends RuntimeException {

    private final int status;
    private final JsonObject problem;

    ApiException(String request, int status, JsonObject problem) {
        super(describe(request, status, problem));
        this.status = status;
        this.problem = problem;
    }

    int status() {
        return status;
    }

    /** The problem document as the server sent it. */
    JsonObject problem() {
        return problem;
    }

    // "POST /tasker/tasks: 400 Invalid request: ..." and a line per field the problem names.
    private static String describe(String request, int status, JsonObject document) {
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
