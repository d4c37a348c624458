package io.tasker.cli;

/** An argument the command cannot use, found after picocli parsed it (an unreadable file, text that is not JSON). */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
