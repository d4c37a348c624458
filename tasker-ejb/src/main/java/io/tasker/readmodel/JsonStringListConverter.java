package io.tasker.readmodel;

import io.tasker.json.JsonDocuments;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A JSON array of strings ({@code jsonb}) as a list; see {@link JsonObjectConverter} for the column handling. */
@Converter
public class JsonStringListConverter implements AttributeConverter<List<String>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<String> value) {
        return JsonDocuments.write(value == null ? List.of() : value);
    }

    @Override
    public List<String> convertToEntityAttribute(Object json) {
        return JsonDocuments.readList(json == null ? null : json.toString()).stream().map(String::valueOf).toList();
    }
}
