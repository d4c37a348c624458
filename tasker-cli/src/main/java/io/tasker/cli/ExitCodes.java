package io.tasker.cli;

/** The CLI's exit codes, as docs/cli.md lists them. */
final class ExitCodes {

    static final int OK = 0;
    /** The server refused the request (4xx), or templates validate found a broken template. */
    static final int REFUSED = 1;
    /** The command line is wrong: an unknown command or option, a missing or unusable argument. */
    static final int USAGE = 2;
    /** No answer from the server, or it failed (5xx). */
    static final int SERVER_FAILED = 3;
    /** tasks create --wait: the task ended in error or cancelled, or was not finished in time. */
    static final int NOT_COMPLETE = 4;

    private ExitCodes() {
    }
}
