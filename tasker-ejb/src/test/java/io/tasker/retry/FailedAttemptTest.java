package io.tasker.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class FailedAttemptTest {

    private final BackoffPolicy backoff = new BackoffPolicy(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), 2,
            Duration.ofSeconds(60), 0, RandomGenerator.getDefault());

    @Test
    void aPermanentFailureWrappedByTheHandlerEndsTheRetriesAndKeepsItsCode() {
        FailedAttempt failed = FailedAttempt.of(new IllegalStateException("wrapped",
                new PermanentException("card declined", "DECLINED")), 1, true, backoff);

        assertTrue(failed.permanent());
        assertEquals(null, failed.backoffSeconds());
        assertEquals("wrapped", failed.details().get("error"));
        assertEquals(IllegalStateException.class.getName(), failed.details().get("error_class"));
        assertEquals("DECLINED", failed.details().get("error_code"));
    }

    @Test
    void anyOtherFailureWaitsAsTheBackOffSaysForTheAttemptThatFailed() {
        FailedAttempt failed = FailedAttempt.of(new RuntimeException("boom"), 2, true, backoff);

        assertEquals(false, failed.permanent());
        assertEquals(new BigDecimal("2.000"), failed.backoffSeconds());
    }

    @Test
    void theWaitAHandlerAsksForReplacesTheBackOffAndIsKept() {
        FailedAttempt failed = FailedAttempt.of(new RetryableException("busy", Duration.ofMillis(1500)), 1, true,
                backoff);

        assertEquals(new BigDecimal("1.500"), failed.backoffSeconds());
        assertEquals(new BigDecimal("1.500"), failed.details().get("retry_after_seconds"));
    }

    @Test
    void aFailureOfTheInfrastructureIsNeitherCountedNorPermanentAndWaitsTheFirstBackOff() {
        FailedAttempt failed = FailedAttempt.of(new PermanentException("database away"), 5, false, backoff);

        assertEquals(false, failed.permanent());
        assertEquals(false, failed.counted());
        assertEquals(new BigDecimal("1.000"), failed.backoffSeconds());
    }

    @Test
    void aMessageWithinTheLimitIsKeptWhole() {
        String message = "x".repeat(FailedAttempt.MAX_MESSAGE_LENGTH);
        assertSame(message, FailedAttempt.bounded(message));
    }

    @Test
    void aLongerMessageIsCutToTheLimitAndSaysSo() {
        String cut = FailedAttempt.bounded("y".repeat(50 * 1024 * 1024));
        assertEquals(FailedAttempt.MAX_MESSAGE_LENGTH, cut.length());
        assertTrue(cut.endsWith("\u2026"), "ends with an ellipsis");
    }
}
