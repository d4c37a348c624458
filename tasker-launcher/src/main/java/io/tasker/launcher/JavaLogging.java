package io.tasker.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The embedded broker and the database client log through java.util.logging; this keeps all but warnings out of
 * the console and writes everything to a file.
 */
public final class JavaLogging {

    private JavaLogging() {
    }

    /** Sends this process's java.util.logging to {@code <directory>/<fileName>}; the console keeps warnings. */
    public static void toFile(Path directory, String fileName) throws IOException {
        Files.createDirectories(directory);
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
        FileHandler file = new FileHandler(directory.resolve(fileName).toString(), true);
        file.setFormatter(new SimpleFormatter());
        root.addHandler(file);
    }
}
