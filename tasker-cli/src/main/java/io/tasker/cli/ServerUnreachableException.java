package io.tasker.cli;

import java.net.URI;

/** No answer from Tasker: not running, the wrong address (another server, a wrong path), or the network. */
final class ServerUnreachableException extends RuntimeException {

    ServerUnreachableException(URI api, String what) {
        super("no Tasker API at " + api + " (" + what + "); is it running, and is --url (or TASKER_URL) its API, "
                + "such as http://localhost:8080/tasker?");
    }
}
