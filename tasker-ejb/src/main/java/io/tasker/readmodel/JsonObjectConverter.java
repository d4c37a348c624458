package io.tasker.readmodel;

import io.tasker.json.JsonDocuments;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;

/**
 * A JSON object column ({@code jsonb}) as a map. Written as text (the data source sends strings untyped, so
 * PostgreSQL casts them to jsonb); read from whatever the driver returns for jsonb, whose text is the document.
 */
@Converter
public class JsonObjectConverter implements AttributeConverter<Map<String, Object>, Object> {

    @Override
    public Object convertToDatabaseColumn(Map<String, Object> value) {
        return JsonDocuments.write(value == null ? Map.of() : value);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(Object json) {
        return JsonDocuments.readObject(json == null ? null : json.toString());
    }
}
