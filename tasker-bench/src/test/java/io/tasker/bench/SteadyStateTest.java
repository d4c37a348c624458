package io.tasker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SteadyStateTest {

    @Test
    void aClimbingServerIsStillWarmingUp() {
        SteadyState steady = new SteadyState();

        for (double throughput : new double[] {80, 120, 150, 190, 230}) {
            assertFalse(steady.recordRound(throughput), "stopped at " + throughput);
        }
    }

    @Test
    void twoRoundsInARowWithoutAGainOfMoreThanFivePercentAreSteady() {
        SteadyState steady = new SteadyState();

        assertFalse(steady.recordRound(200));
        assertFalse(steady.recordRound(260));
        assertFalse(steady.recordRound(250), "one round without gain");
        assertFalse(steady.recordRound(290), "a gain of more than 5 % starts the count again");
        assertFalse(steady.recordRound(300));
        assertTrue(steady.recordRound(280));
        assertTrue(steady.reached());
        assertEquals(6, steady.rounds());
    }

    @Test
    void aServerThatIsAlreadyWarmTakesTheMinimumRounds() {
        SteadyState steady = new SteadyState();

        assertFalse(steady.recordRound(300));
        assertFalse(steady.recordRound(295));
        assertTrue(steady.recordRound(305));
    }

    @Test
    void aServerThatNeverSettlesStopsAtTheLimit() {
        SteadyState steady = new SteadyState();
        double throughput = 100;
        for (int round = 1; round < SteadyState.MAX_ROUNDS; round++) {
            assertFalse(steady.recordRound(throughput));
            throughput *= 1.1;
        }

        assertTrue(steady.recordRound(throughput));
        assertFalse(steady.reached());
    }
}
