package io.tasker.telemetry;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log handler that writes each record as one JSON object on one line: {@code timestamp}, {@code level},
 * {@code code} (the message's TASKER-... code, when it has one), {@code message}, {@code logger}, {@code node}, and,
 * where they apply, {@code correlation_id}, {@code task_id}, {@code step_id}, {@code attempt} (from the
 * {@link LogContext} of the thread that logs) and {@code error} (the exception with its stack trace). It formats on
 * the thread that logs, where the context is, and writes to the process's standard output, past the server's
 * capture of {@code System.out}, where a container's log collector reads.
 */
final class JsonLogLines extends Handler {

    private static final Pattern CODED = Pattern.compile("^(TASKER-[A-Z]+-\\d{3}) (.*)$", Pattern.DOTALL);
    private static final Formatter MESSAGES = new SimpleFormatter();

    private final String node;
    private final Consumer<String> out;

    JsonLogLines(String node, Consumer<String> out) {
        this.node = node;
        this.out = out;
    }

    /** Lines to the process's standard output. */
    static JsonLogLines toStandardOutput(String node) {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        return new JsonLogLines(node, line -> {
            synchronized (stdout) {
                try {
                    stdout.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    stdout.flush();
                } catch (IOException e) {
                    // Standard output is gone: there is nowhere left to say so.
                }
            }
        });
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            out.accept(line(record));
        }
    }

    String line(LogRecord record) {
        String message = MESSAGES.formatMessage(record);
        Matcher coded = CODED.matcher(message == null ? "" : message);
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("timestamp", Instant.ofEpochMilli(record.getMillis()).toString())
                .add("level", record.getLevel().getName());
        if (coded.matches()) {
            line.add("code", coded.group(1)).add("message", coded.group(2));
        } else {
            line.add("message", String.valueOf(message));
        }
        line.add("logger", String.valueOf(record.getLoggerName())).add("node", node);
        LogContext.Fields context = LogContext.current();
        if (context.correlationId() != null) {
            line.add("correlation_id", context.correlationId());
        }
        if (context.taskId() != null) {
            line.add("task_id", context.taskId());
        }
        if (context.stepId() != null) {
            line.add("step_id", context.stepId()).add("attempt", context.attempt());
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.add("error", trace.toString());
        }
        return line.build().toString();
    }

    @Override
    public void flush() {
        // Each line is flushed as it is written.
    }

    @Override
    public void close() {
        // Standard output stays open for the process.
    }
}
