package io.tasker.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the liveness check reads: how long the quietest running pass has gone without a beat. */
class NodeLifecycleTest {

    private final NodeLifecycle lifecycle = new NodeLifecycle();

    @Test
    void aPassThatDoesNotBeatGrowsSilentAndABeatOrItsEndSilencesNothing() {
        assertEquals(Duration.ZERO, lifecycle.longestSilence(), "no pass runs");
        NodeLifecycle.RunningPass quiet = lifecycle.passStarted();
        NodeLifecycle.RunningPass busy = lifecycle.passStarted();
        while (lifecycle.longestSilence().toMillis() < 50) {
            busy.beat();
            Thread.onSpinWait();
        }
        assertEquals(2, lifecycle.runningPasses());

        quiet.beat();
        assertTrue(lifecycle.longestSilence().toMillis() < 50, "both beat just now");
        lifecycle.passEnded(quiet);
        lifecycle.passEnded(busy);
        assertEquals(Duration.ZERO, lifecycle.longestSilence());
        assertEquals(0, lifecycle.runningPasses());
    }
}
