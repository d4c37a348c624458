package io.tasker.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** A JSON object given on the command line, inline or as {@code @file}. */
final class JsonArguments {

    private JsonArguments() {
    }

    /** @throws UsageException naming the option when the text (or file) is not a JSON object */
    static JsonObject object(String option, String argument) {
        String text = argument;
        if (argument.startsWith("@")) {
            try {
                text = Files.readString(Path.of(argument.substring(1)));
            } catch (IOException e) {
                throw new UsageException(option + ": cannot read " + argument.substring(1) + " (" + e + ")");
            }
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new UsageException(option + " must be a JSON object, got " + value.getValueType()
                        .name().toLowerCase());
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new UsageException(option + " is not JSON: " + e.getMessage());
        }
    }
}
