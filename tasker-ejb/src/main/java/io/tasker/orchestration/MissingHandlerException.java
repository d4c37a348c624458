package io.tasker.orchestration;

import io.tasker.api.PermanentException;

/**
 * A step whose handler is no longer deployed (its template was removed or changed since the task was created).
 * No retry on this node can fix that, so it fails the step permanently.
 */
class MissingHandlerException extends PermanentException {

    MissingHandlerException(String message) {
        super(message, "MISSING_HANDLER");
    }
}
