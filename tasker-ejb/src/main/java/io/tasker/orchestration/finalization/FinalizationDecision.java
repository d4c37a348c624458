package io.tasker.orchestration.finalization;

import java.time.Duration;

/** What the finalizer does with a task at the end of a pass. */
public sealed interface FinalizationDecision {

    /** Every step is complete or resolved: the task is complete. */
    record Complete() implements FinalizationDecision {
    }

    /** Every step is complete or resolved, but for steps an operator cancelled: the task is cancelled. */
    record Cancel() implements FinalizationDecision {
    }

    /** A step failed for good and nothing else can run: the task is in error. */
    record Fail() implements FinalizationDecision {
    }

    /** Work remains: drive the task again after {@code delay}, for the given reason. */
    record Reenqueue(Duration delay, String reason) implements FinalizationDecision {
    }

    /** The task is no longer active (finished, failed or cancelled): nothing to do. */
    record LeaveAlone() implements FinalizationDecision {
    }

    /** This node is starting or stopping: the pass's message goes back to the broker, for a node that runs. */
    record Defer() implements FinalizationDecision {
    }
}
