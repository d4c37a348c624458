package io.tasker.launcher;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a MicroProfile Health report: {@code {"status": "UP", "checks": [{"name": ..., "status": ...}]}}. */
final class HealthReport {

    private HealthReport() {
    }

    /** Whether the report lists every named check (whatever their status). */
    static boolean hasChecks(String body, Collection<String> names) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject report = reader.readObject();
            Set<String> present = report.getJsonArray("checks").stream()
                    .map(JsonValue::asJsonObject)
                    .map(check -> check.getString("name", ""))
                    .collect(Collectors.toSet());
            return present.containsAll(names);
        } catch (JsonException | ClassCastException | NullPointerException e) {
            return false;
        }
    }
}
