package io.tasker.telemetry;

/**
 * What the current thread works on, for its log lines: the correlation id of the request or task, the task, and the
 * step and attempt a step thread runs. Set for the length of a scope and restored when the scope closes, so a pooled
 * thread carries nothing of its last task into its next.
 */
public final class LogContext {

    /** The fields of the work in hand; null when they do not apply. */
    public record Fields(String correlationId, Long taskId, Long stepId, Integer attempt) {
    }

    /** Restores the context that was current before it opened. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final Fields NONE = new Fields(null, null, null, null);
    private static final ThreadLocal<Fields> CURRENT = ThreadLocal.withInitial(() -> NONE);

    private LogContext() {
    }

    public static Fields current() {
        return CURRENT.get();
    }

    /** The thread works on a request or message with this correlation id. */
    public static Scope correlation(String correlationId) {
        Fields now = CURRENT.get();
        return open(new Fields(correlationId, now.taskId(), now.stepId(), now.attempt()));
    }

    /** The thread works on this task; a null correlation id keeps the one in hand. */
    public static Scope task(long taskId, String correlationId) {
        Fields now = CURRENT.get();
        return open(new Fields(correlationId == null ? now.correlationId() : correlationId, taskId, null, null));
    }

    /** The thread runs this attempt of a step of the task. */
    public static Scope attempt(String correlationId, long taskId, long stepId, int attempt) {
        return open(new Fields(correlationId, taskId, stepId, attempt));
    }

    private static Scope open(Fields fields) {
        Fields before = CURRENT.get();
        CURRENT.set(fields);
        return () -> CURRENT.set(before);
    }
}
