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
    void threeRoundsWithinTenPercentAreSteadyAndADipIsNot() {
        SteadyState steady = new SteadyState();

        assertFalse(steady.recordRound(420));
        assertFalse(steady.recordRound(690));
        assertFalse(steady.recordRound(930));
        assertFalse(steady.recordRound(740), "a dip");
        assertFalse(steady.recordRound(850));
        assertFalse(steady.recordRound(1000));
        assertFalse(steady.recordRound(1030), "850 .. 1,030 is more than 10 % apart");
        assertTrue(steady.recordRound(980));
        assertTrue(steady.reached());
        assertEquals(8, steady.rounds());
    }

    @Test
    void aServerThatIsAlreadyWarmTakesTheWindowsRounds() {
        SteadyState steady = new SteadyState();

        assertFalse(steady.recordRound(300));
        assertFalse(steady.recordRound(280));
        assertTrue(steady.recordRound(305));
    }

    @Test
    void aServerThatNeverSettlesStopsAtTheLimit() {
        SteadyState steady = new SteadyState();
        double throughput = 100;
        for (int round = 1; round < SteadyState.MAX_ROUNDS; round++) {
            assertFalse(steady.recordRound(throughput));
            throughput *= 1.2;
        }

        assertTrue(steady.recordRound(throughput));
        assertFalse(steady.reached());
    }
}
