package io.tasker.readmodel;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A step's failure as its transition to {@code error} records it: the handler's message (at most 2,000 characters),
 * the exception's class (absent for failures recorded by releases before it was kept), the attempt, and when.
 */
public record StepError(String message, String errorClass, Integer attempt, OffsetDateTime at) {

    /** The state a failure moves a step to. */
    static final String FAILED = "error";

    static StepError of(StepTransition failure) {
        Map<String, Object> metadata = failure.metadata();
        return new StepError(text(metadata.get("error_message")), text(metadata.get("error_class")),
                metadata.get("attempt") instanceof Number attempt ? attempt.intValue() : null, failure.createdAt());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
