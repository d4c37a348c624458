package io.tasker.bench;

/**
 * Decides when a warm-up has reached the server's steady state. The server's throughput climbs for tens of
 * seconds after it starts while the JIT compiler works through its code (docs/performance.md), so a fixed
 * warm-up measures either the climb or the machine's patience. The warm-up runs rounds of
 * {@link #ROUND_WORKFLOWS} workflows until two rounds in a row are no more than {@link #TOLERANCE} faster than
 * the best round before them (after {@link #MIN_ROUNDS} at least), or until {@link #MAX_ROUNDS}.
 */
final class SteadyState {

    static final int ROUND_WORKFLOWS = 1000;
    static final int MIN_ROUNDS = 3;
    static final int MAX_ROUNDS = 20;
    static final double TOLERANCE = 0.05;

    private int rounds;
    private double best;
    private int roundsWithoutGain;

    /** Records a round's throughput; returns whether to stop warming up. */
    boolean recordRound(double workflowsPerSecond) {
        rounds++;
        roundsWithoutGain = rounds > 1 && workflowsPerSecond <= best * (1 + TOLERANCE) ? roundsWithoutGain + 1 : 0;
        best = Math.max(best, workflowsPerSecond);
        return reached() || rounds >= MAX_ROUNDS;
    }

    /** Whether the last rounds stopped getting faster. */
    boolean reached() {
        return rounds >= MIN_ROUNDS && roundsWithoutGain >= 2;
    }

    int rounds() {
        return rounds;
    }
}
