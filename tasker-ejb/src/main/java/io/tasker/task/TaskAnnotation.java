package io.tasker.task;

import java.util.List;
import java.util.Optional;

/**
 * What an operator changes about a task besides its state: its reason (when {@code setsReason}; a null reason
 * clears it) and its tags (when present, they replace the task's).
 */
public record TaskAnnotation(boolean setsReason, String reason, Optional<List<String>> tags) {

    public TaskAnnotation {
        if (!setsReason && tags.isEmpty()) {
            throw new IllegalArgumentException("an annotation changes the reason, the tags or both");
        }
        tags = tags.map(List::copyOf);
    }
}
