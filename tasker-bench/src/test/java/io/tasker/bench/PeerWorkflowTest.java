package io.tasker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peer runs the DAG of the template Tasker runs, with the failures the workload scripts. */
class PeerWorkflowTest {

    @Test
    void theFanOutJoinsEightParentsIntoItsLastStep() {
        PeerWorkflow fanOut = PeerWorkflow.of(Workload.W3);

        assertEquals(List.of("a"), fanOut.roots());
        assertEquals(List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"), fanOut.children("a"));
        assertEquals(8, fanOut.parents("z"));
        assertTrue(fanOut.isLast("z"));
        assertEquals(0, fanOut.failures("p3"));
    }

    @Test
    void theRetryWorkloadFailsItsMiddleStepTwiceAndRetriesAfterTheScriptedWait() {
        PeerWorkflow retry = PeerWorkflow.of(Workload.W4);

        assertEquals(List.of("s2"), retry.children("s1"));
        assertEquals(2, retry.failures("s2"));
        assertEquals(Duration.ofSeconds(1), retry.retryAfter());
    }
}
