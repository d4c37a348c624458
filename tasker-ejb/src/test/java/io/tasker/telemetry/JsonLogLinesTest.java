package io.tasker.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogLinesTest {

    private final List<String> written = new ArrayList<>();
    private final JsonLogLines lines = new JsonLogLines("node-7", written::add);

    @Test
    void aLineLoggedWhileAnAttemptRunsCarriesItsTaskStepAttemptAndCorrelationId() {
        try (LogContext.Scope attempt = LogContext.attempt("req-42", 9, 31, 2)) {
            lines.publish(record(Level.INFO, "TASKER-ORCH-003 step {0} finished after losing its claim", 31));
        }

        JsonObject line = onlyLine();
        assertEquals("INFO", line.getString("level"));
        assertEquals("TASKER-ORCH-003", line.getString("code"));
        assertEquals("step 31 finished after losing its claim", line.getString("message"));
        assertEquals("node-7", line.getString("node"));
        assertEquals("req-42", line.getString("correlation_id"));
        assertEquals(9, line.getInt("task_id"));
        assertEquals(31, line.getInt("step_id"));
        assertEquals(2, line.getInt("attempt"));
        assertTrue(line.getString("timestamp").endsWith("Z"), line.toString());
    }

    @Test
    void aLineOutsideAnyWorkHasNoneOfItsFieldsAndAFailureCarriesItsStackTrace() {
        LogRecord failed = record(Level.WARNING, "something broke, no code");
        failed.setThrown(new IllegalStateException("the cause"));
        lines.publish(failed);

        JsonObject line = onlyLine();
        assertEquals("something broke, no code", line.getString("message"));
        assertFalse(line.containsKey("code") || line.containsKey("task_id") || line.containsKey("correlation_id"),
                line.toString());
        assertTrue(line.getString("error").startsWith("java.lang.IllegalStateException: the cause"), line.toString());
    }

    @Test
    void scopesRestoreWhatWasCurrentBefore() {
        try (LogContext.Scope request = LogContext.correlation("outer")) {
            try (LogContext.Scope task = LogContext.task(5, null)) {
                assertEquals(new LogContext.Fields("outer", 5L, null, null), LogContext.current());
            }
            assertEquals(new LogContext.Fields("outer", null, null, null), LogContext.current());
        }
        assertEquals(new LogContext.Fields(null, null, null, null), LogContext.current());
    }

    private JsonObject onlyLine() {
        assertEquals(1, written.size(), written.toString());
        assertFalse(written.get(0).contains("\n"), "one line");
        return Json.createReader(new StringReader(written.get(0))).readObject();
    }

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("io.tasker.test");
        record.setParameters(parameters);
        return record;
    }
}
