package io.tasker.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepFailuresTest {

    @Test
    void aMessageWithinTheLimitIsKeptWhole() {
        String message = "x".repeat(StepFailures.MAX_MESSAGE_LENGTH);
        assertSame(message, StepFailures.bounded(message));
    }

    @Test
    void aLongerMessageIsCutToTheLimitAndSaysSo() {
        String cut = StepFailures.bounded("y".repeat(50 * 1024 * 1024));
        assertEquals(StepFailures.MAX_MESSAGE_LENGTH, cut.length());
        assertTrue(cut.endsWith("\u2026"), "ends with an ellipsis");
    }
}
