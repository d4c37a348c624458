package io.tasker.bench;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;

/**
 * Decides when a warm-up has reached the server's steady state. A freshly started server's throughput climbs
 * for about {@link #FRESH_NODE_WORKFLOWS} workflows while the JIT compiler works through its code, with plateaus
 * on the way (docs/performance.md), so a fixed warm-up measures either the climb or the machine's patience. The
 * warm-up runs rounds of {@link #ROUND_WORKFLOWS} workflows, at least as many as the caller asks (enough to bring
 * a fresh server to {@link #FRESH_NODE_WORKFLOWS}), until the fastest of the last {@link #WINDOW} rounds is at
 * most {@link #SPREAD} times the slowest (a climb or a dip keeps it going), or until {@link #MAX_ROUNDS}.
 */
final class SteadyState {

    static final int ROUND_WORKFLOWS = 1000;
    static final int FRESH_NODE_WORKFLOWS = 10_000;
    static final int WINDOW = 3;
    static final double SPREAD = 1.10;
    static final int MAX_ROUNDS = 20;

    private final Deque<Double> lastRounds = new ArrayDeque<>();
    private final int minRounds;
    private int rounds;

    /** @param workflowsSoFar how many workflows the server has run since it started (that the benchmark knows of) */
    SteadyState(long workflowsSoFar) {
        long missing = Math.max(0, FRESH_NODE_WORKFLOWS - workflowsSoFar);
        this.minRounds = (int) Math.max(WINDOW, (missing + ROUND_WORKFLOWS - 1) / ROUND_WORKFLOWS);
    }

    /** Records a round's throughput; returns whether to stop warming up. */
    boolean recordRound(double workflowsPerSecond) {
        rounds++;
        lastRounds.addLast(workflowsPerSecond);
        if (lastRounds.size() > WINDOW) {
            lastRounds.removeFirst();
        }
        return reached() || rounds >= MAX_ROUNDS;
    }

    /** Whether the server ran its minimum and the last rounds ran at about the same speed. */
    boolean reached() {
        return rounds >= minRounds && Collections.max(lastRounds) <= Collections.min(lastRounds) * SPREAD;
    }

    int rounds() {
        return rounds;
    }
}
