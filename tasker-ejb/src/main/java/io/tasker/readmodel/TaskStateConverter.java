package io.tasker.readmodel;

import io.tasker.task.TaskState;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link TaskState} by its lower-case name. */
@Converter(autoApply = true)
public class TaskStateConverter implements AttributeConverter<TaskState, String> {

    @Override
    public String convertToDatabaseColumn(TaskState state) {
        return state == null ? null : state.value();
    }

    @Override
    public TaskState convertToEntityAttribute(String value) {
        return value == null ? null : TaskState.of(value);
    }
}
