package io.tasker.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    private static final List<Duration> PROGRESSION = IntStream.of(1, 2, 4, 8, 16, 32)
            .mapToObj(Duration::ofSeconds).toList();

    private final BackoffPolicy noJitter = new BackoffPolicy(PROGRESSION, 2.0, Duration.ofSeconds(300), 0,
            new Random(1));

    @Test
    void followsTheProgressionThenThePower() {
        assertEquals(Duration.ofSeconds(1), noJitter.delayAfter(1, Optional.empty()));
        assertEquals(Duration.ofSeconds(4), noJitter.delayAfter(3, Optional.empty()));
        assertEquals(Duration.ofSeconds(32), noJitter.delayAfter(6, Optional.empty()));
        assertEquals(Duration.ofSeconds(49), noJitter.delayAfter(7, Optional.empty()));
        assertEquals(Duration.ofSeconds(64), noJitter.delayAfter(8, Optional.empty()));
    }

    @Test
    void capsAtTheMaximum() {
        assertEquals(Duration.ofSeconds(300), noJitter.delayAfter(18, Optional.empty()));
        assertEquals(Duration.ofSeconds(300), noJitter.delayAfter(1000, Optional.empty()));
    }

    @Test
    void aRetryAfterReplacesTheProgressionButNotTheCap() {
        assertEquals(Duration.ofMillis(250), noJitter.delayAfter(5, Optional.of(Duration.ofMillis(250))));
        assertEquals(Duration.ofSeconds(300), noJitter.delayAfter(1, Optional.of(Duration.ofHours(2))));
    }

    @Test
    void jitterStaysWithinItsFraction() {
        BackoffPolicy jittered = new BackoffPolicy(PROGRESSION, 2.0, Duration.ofSeconds(300), 0.1, new Random(7));
        List<Long> delays = IntStream.range(0, 500)
                .mapToObj(i -> jittered.delayAfter(4, Optional.empty()).toMillis()).toList();

        assertTrue(delays.stream().allMatch(ms -> ms >= 7200 && ms <= 8800), delays.toString());
        assertTrue(delays.stream().distinct().count() > 50, "jitter should spread the delays");
    }

    @Test
    void jitterNeverExceedsTheCap() {
        BackoffPolicy jittered = new BackoffPolicy(PROGRESSION, 2.0, Duration.ofSeconds(30), 1.0, new Random(3));
        assertTrue(IntStream.range(0, 200)
                .allMatch(i -> jittered.delayAfter(6, Optional.empty()).compareTo(Duration.ofSeconds(30)) <= 0));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> noJitter.delayAfter(0, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new BackoffPolicy(List.of(), 2, Duration.ofSeconds(1), 0, new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new BackoffPolicy(PROGRESSION, 0.5, Duration.ofSeconds(1), 0, new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new BackoffPolicy(PROGRESSION, 2, Duration.ZERO, 0, new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new BackoffPolicy(PROGRESSION, 2, Duration.ofSeconds(1), 1.5, new Random()));
    }
}
