package io.tasker.readmodel;

import io.tasker.step.StepState;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link StepState} by its lower-case name. */
@Converter(autoApply = true)
public class StepStateConverter implements AttributeConverter<StepState, String> {

    @Override
    public String convertToDatabaseColumn(StepState state) {
        return state == null ? null : state.value();
    }

    @Override
    public StepState convertToEntityAttribute(String value) {
        return value == null ? null : StepState.of(value);
    }
}
