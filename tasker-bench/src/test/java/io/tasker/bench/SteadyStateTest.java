package io.tasker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SteadyStateTest {

    @Test
    void aClimbingServerIsStillWarmingUp() {
        SteadyState steady = new SteadyState(SteadyState.FRESH_NODE_WORKFLOWS);

        for (double throughput : new double[] {80, 120, 150, 190, 230}) {
            assertFalse(steady.recordRound(throughput), "stopped at " + throughput);
        }
    }

    @Test
    void threeRoundsWithinTenPercentAreSteadyAndADipIsNot() {
        SteadyState steady = new SteadyState(SteadyState.FRESH_NODE_WORKFLOWS);

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
        SteadyState steady = new SteadyState(SteadyState.FRESH_NODE_WORKFLOWS);

        assertFalse(steady.recordRound(300));
        assertFalse(steady.recordRound(280));
        assertTrue(steady.recordRound(305));
    }

    @Test
    void aFreshServerRunsItsTenThousandWorkflowsFirst() {
        SteadyState fresh = new SteadyState(0);
        for (int round = 1; round < 10; round++) {
            assertFalse(fresh.recordRound(900), "round " + round);
        }
        assertTrue(fresh.recordRound(900));

        SteadyState measuredOnce = new SteadyState(8_000);
        assertFalse(measuredOnce.recordRound(900));
        assertFalse(measuredOnce.recordRound(900));
        assertTrue(measuredOnce.recordRound(900));
    }

    @Test
    void aServerThatNeverSettlesStopsAtTheLimit() {
        SteadyState steady = new SteadyState(SteadyState.FRESH_NODE_WORKFLOWS);
        double throughput = 100;
        for (int round = 1; round < SteadyState.MAX_ROUNDS; round++) {
            assertFalse(steady.recordRound(throughput));
            throughput *= 1.2;
        }

        assertTrue(steady.recordRound(throughput));
        assertFalse(steady.reached());
    }
}
