package io.tasker.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The engine's JSON lines in a node's log (the server's own lines, in its text format, are left out). */
final class JsonLogs {

    private JsonLogs() {
    }

    static List<JsonObject> read(Path log) throws IOException {
        return Files.readAllLines(log).stream()
                .filter(line -> line.startsWith("{\"timestamp\""))
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .toList();
    }
}
