package io.tasker.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** Where a command writes: a table or lines for people, or with {@code --json} the server's JSON for scripts. */
final class Output extends Console {

    /** The option's name: with it, a refusal's problem document is printed too (TaskerCli). */
    static final String JSON = "--json";

    @Option(names = JSON, description = "Print the server's JSON answer (pretty-printed) instead of a table.")
    private boolean json;

    /** Prints the answer as JSON when asked, else as the human form. */
    void print(JsonObject answer, Runnable human) {
        if (json) {
            out().println(pretty(answer));
        } else {
            human.run();
        }
        out().flush();
    }

    static String pretty(JsonObject document) {
        StringWriter text = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text).write(document);
        return text.toString().strip();
    }

    /** Columns as wide as their widest cell, the header first. */
    void table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (List<String> row : concat(header, rows)) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : concat(header, rows)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out().println(line.toString().stripTrailing());
        }
    }

    /** A field of a JSON object as text: a string as it is, null or absent as "-", anything else as JSON. */
    static String text(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "-";
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
        return Stream.concat(Stream.of(header), rows.stream()).toList();
    }
}
