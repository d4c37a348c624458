package io.tasker.events;

import io.tasker.events.EventType.DataField;
import java.util.List;

/** The events Tasker publishes for the changes of state of tasks and steps (docs/events.md). */
public final class SystemEvents {

    private static final DataField ACTOR = new DataField("actor", "string",
            "who asked for the change (an operator's action)", "ops@example.com");
    private static final DataField REASON = new DataField("reason", "string", "why, as the operator said",
            "the supplier fixed its API");
    private static final DataField REQUEST_ID = new DataField("request_id", "string",
            "the id of the operator's request", "0b6f5a4e-3c1d-4f0e-9a55-2f8d7c4b1a90");
    private static final DataField ACTION = new DataField("action", "string",
            "the operator's action: retry_task, retry_step, resolve_step, cancel_step or cancel_task", "retry_step");
    private static final DataField ERROR = new DataField("error_message", "string", "the failure's message",
            "connection refused");
    private static final DataField ERROR_CLASS = new DataField("error_class", "string", "the failure's class",
            "java.net.ConnectException");
    private static final DataField CLAIMED_BY = new DataField("claimed_by", "string",
            "the pass that claimed the attempt: <node>#<pass>", "node-1#42");
    private static final List<DataField> OPERATOR = List.of(ACTION, ACTOR, REASON, REQUEST_ID);
    private static final List<DataField> STEP_COUNTS = List.of(
            new DataField("total_steps", "integer", "the task's steps", 4),
            new DataField("completed_steps", "integer", "its steps complete or resolved", 4),
            new DataField("failed_steps", "integer", "its steps in error", 0),
            new DataField("cancelled_steps", "integer", "its steps cancelled", 0));

    public static final EventType TASK_CREATED = new EventType("task.created",
            "A task was created, with its steps.", "(new) → pending",
            List.of(new DataField("step_count", "integer", "how many steps it has", 4)));
    public static final EventType TASK_STARTED = new EventType("task.started",
            "The task's first pass started working on it.", "pending → in_progress", List.of());
    public static final EventType TASK_REQUEUED = new EventType("task.requeued",
            "A pass ended with work left: the task waits for its next pass (a retry's back-off, a step running "
                    + "elsewhere, or a node that stops).", "in_progress → pending",
            List.of(new DataField("reason", "string", "why: retry_backoff, steps_in_progress, awaiting_dependencies, "
                            + "ready_steps_available or node_stopping", "retry_backoff"),
                    new DataField("delay_ms", "integer", "when the next pass is due, from now", 1000)));
    public static final EventType TASK_RESUMED = new EventType("task.resumed",
            "A later pass started working on the task again.", "pending → in_progress", List.of());
    public static final EventType TASK_COMPLETED = new EventType("task.completed",
            "Every step of the task is complete or resolved.", "pending, in_progress → complete", STEP_COUNTS);
    public static final EventType TASK_FAILED = new EventType("task.failed",
            "A step of the task failed for good (permanently, or out of attempts): the task is in error until an "
                    + "operator retries it or resolves the step.", "pending, in_progress → error", STEP_COUNTS);
    public static final EventType TASK_CANCELLED = new EventType("task.cancelled",
            "The task was cancelled: by an operator (with who and why), or by its last pass when every step "
                    + "left was cancelled.", "pending, in_progress → cancelled", OPERATOR);
    public static final EventType TASK_RETRIED = new EventType("task.retried",
            "An operator retried the failed task, or one of its steps.", "error → pending", OPERATOR);
    public static final EventType TASK_RESOLVED = new EventType("task.resolved",
            "An operator settled a failed step of the task by hand, so the task goes on.", "error → pending",
            OPERATOR);

    public static final EventType STEP_CREATED = new EventType("step.created",
            "A step was created with its task.", "(new) → pending", List.of());
    public static final EventType STEP_STARTED = new EventType("step.started",
            "A pass claimed an attempt of the step and runs its handler.", "pending → in_progress",
            List.of(CLAIMED_BY));
    public static final EventType STEP_COMPLETED = new EventType("step.completed",
            "The step's handler returned: its results are recorded.", "in_progress → complete", List.of());
    public static final EventType STEP_FAILED = new EventType("step.failed",
            "The step's handler failed.", "in_progress → error",
            List.of(new DataField("kind", "string", "retryable, permanent (a PermanentException: never retried) or "
                    + "infrastructure (the database or broker failed: the attempt is not counted)", "retryable"),
                    ERROR, ERROR_CLASS));
    public static final EventType STEP_TIMED_OUT = new EventType("step.timed_out",
            "The step's attempt outlived its timeout and was abandoned.", "in_progress → error",
            List.of(ERROR, ERROR_CLASS));
    public static final EventType STEP_LEASE_EXPIRED = new EventType("step.lease_expired",
            "The claim of the step's attempt ran out before it ended (its node died or lost the database): the "
                    + "attempt ends as failed.", "in_progress → error", List.of(CLAIMED_BY));
    public static final EventType STEP_RETRY_SCHEDULED = new EventType("step.retry_scheduled",
            "Follows step.failed, step.timed_out or step.lease_expired when the step will run again: when.",
            "in_progress → error",
            List.of(new DataField("due_at", "string", "when the retry is due (ISO-8601)", "2026-12-01T10:15:30.5Z"),
                    new DataField("backoff_seconds", "number", "the back-off before it", 2.5)));
    public static final EventType STEP_EXHAUSTED = new EventType("step.exhausted",
            "Follows step.failed, step.timed_out or step.lease_expired when the step will not run again unless an "
                    + "operator retries it.", "in_progress → error",
            List.of(new DataField("reason", "string", "permanent (the failure said so), not_retryable (its "
                    + "template says so) or attempts (its retry limit is reached)", "attempts"),
                    new DataField("retry_limit", "integer", "the step's retry limit", 3)));
    public static final EventType STEP_RETRY_REQUESTED = new EventType("step.retry_requested",
            "A step in error goes back to pending: its retry was due and a pass claims it (step.started follows), "
                    + "or an operator retried it.", "error → pending",
            List.of(new DataField("retry_attempt", "integer", "the attempt the due retry is (none for an "
                    + "operator's)", 2), ACTION, ACTOR, REASON, REQUEST_ID));
    public static final EventType STEP_RELEASED = new EventType("step.released",
            "A pass gave the step's claim back before its attempt ended, uncounted (its node stopped, or it lost "
                    + "track of its claims): any pass may claim it again at once.", "in_progress → pending",
            List.of(CLAIMED_BY));
    public static final EventType STEP_CANCELLED = new EventType("step.cancelled",
            "The step was cancelled: with its task, by an operator, or with a step it depends on.",
            "pending, in_progress, error → cancelled",
            List.of(ACTION, ACTOR, REASON, REQUEST_ID, new DataField("cancelled_with", "integer",
                    "the id of the cancelled step this one depended on", 812)));
    public static final EventType STEP_RESOLVED_MANUALLY = new EventType("step.resolved_manually",
            "The step was settled without running: bypassed by the task's request, or resolved by an operator with "
                    + "results.", "(new), pending, error → resolved_manually",
            List.of(new DataField("bypassed", "boolean", "true when the task's request bypassed it", false), ACTION,
                    ACTOR, REASON, REQUEST_ID));

    /** Every system event, tasks' first. */
    public static final List<EventType> ALL = List.of(TASK_CREATED, TASK_STARTED, TASK_REQUEUED, TASK_RESUMED,
            TASK_COMPLETED, TASK_FAILED, TASK_CANCELLED, TASK_RETRIED, TASK_RESOLVED, STEP_CREATED, STEP_STARTED,
            STEP_COMPLETED, STEP_FAILED, STEP_TIMED_OUT, STEP_LEASE_EXPIRED, STEP_RETRY_SCHEDULED, STEP_EXHAUSTED,
            STEP_RETRY_REQUESTED, STEP_RELEASED, STEP_CANCELLED, STEP_RESOLVED_MANUALLY);

    private SystemEvents() {
    }
}
