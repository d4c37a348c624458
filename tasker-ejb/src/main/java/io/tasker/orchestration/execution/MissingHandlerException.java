package io.tasker.orchestration.execution;

import io.tasker.api.RetryableException;

/**
 * A step whose handler this node does not have (its template was removed, or this node runs an older release than
 * the one that created the task). Retried like any failure: another node, or this one after an upgrade, may have it.
 */
class MissingHandlerException extends RetryableException {

    MissingHandlerException(String message) {
        super(message);
    }
}
