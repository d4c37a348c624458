package io.tasker.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Converts JSON objects and arrays between their text (as stored in {@code jsonb}) and Java maps and lists.
 * Objects read back as {@code Map<String, Object>}, arrays as {@code List<Object>}, numbers as BigDecimal.
 */
public final class JsonDocuments {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Type OBJECT_TYPE = parameterized(Map.class, String.class, Object.class);
    private static final Type LIST_TYPE = parameterized(List.class, Object.class);

    private JsonDocuments() {
    }

    /** Writes any JSON-serialisable value (maps, lists, strings, numbers, booleans, null, beans) as JSON text. */
    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    /** Reads a JSON object; null or blank text is an empty object. */
    public static Map<String, Object> readObject(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSONB.fromJson(json, OBJECT_TYPE);
    }

    /** Reads a JSON array; null or blank text is an empty list. */
    public static List<Object> readList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return JSONB.fromJson(json, LIST_TYPE);
    }

    /** Writes a value as JSON text; a value JSON-B cannot write is rejected, naming {@code what} it was. */
    public static String writeChecked(Object value, String what) {
        try {
            return write(value);
        } catch (JsonbException e) {
            throw new IllegalArgumentException(what + " is not JSON-serialisable: " + e.getMessage(), e);
        }
    }

    private static Type parameterized(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}
