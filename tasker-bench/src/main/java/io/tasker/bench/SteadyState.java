package io.tasker.bench;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;

/**
 * Decides when a warm-up has reached the server's steady state. The server's throughput climbs for tens of
 * seconds after it starts while the JIT compiler works through its code (docs/performance.md), so a fixed
 * warm-up measures either the climb or the machine's patience. The warm-up runs rounds of
 * {@link #ROUND_WORKFLOWS} workflows until the fastest of the last {@link #WINDOW} rounds is at most
 * {@link #SPREAD} times the slowest (a climb or a dip keeps it going), or until {@link #MAX_ROUNDS}.
 */
final class SteadyState {

    static final int ROUND_WORKFLOWS = 1000;
    static final int WINDOW = 3;
    static final double SPREAD = 1.10;
    static final int MAX_ROUNDS = 20;

    private final Deque<Double> lastRounds = new ArrayDeque<>();
    private int rounds;

    /** Records a round's throughput; returns whether to stop warming up. */
    boolean recordRound(double workflowsPerSecond) {
        rounds++;
        lastRounds.addLast(workflowsPerSecond);
        if (lastRounds.size() > WINDOW) {
            lastRounds.removeFirst();
        }
        return reached() || rounds >= MAX_ROUNDS;
    }

    /** Whether the last rounds ran at about the same speed. */
    boolean reached() {
        return lastRounds.size() == WINDOW
                && Collections.max(lastRounds) <= Collections.min(lastRounds) * SPREAD;
    }

    int rounds() {
        return rounds;
    }
}
