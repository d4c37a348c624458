package io.tasker.cli;

import java.net.URI;

/** No answer from the server: not running, the wrong address, or the network. */
final class ServerUnreachableException extends RuntimeException {

    ServerUnreachableException(URI api, Exception cause) {
        super("cannot reach Tasker at " + api + " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()) + "); is it running? --url or TASKER_URL names another server", cause);
    }
}
