package io.tasker.events;

import io.tasker.api.events.TaskerEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events a transition stands for (docs/events.md): one for most, two for a failed attempt (what happened, then
 * whether the step runs again). Each event's data holds the fields its catalog entry names, from the transition's
 * metadata or worked out from it.
 */
public final class TransitionEvents {

    // A task's transitions are numbered 10, 20, ...: creation is the first, so its first pass start the second.
    private static final int FIRST_START_SORT_KEY = 20;
    private static final String TIMEOUT_CLASS = "io.tasker.retry.StepTimeoutException";

    private TransitionEvents() {
    }

    /**
     * The events of a transition, in the order they happened.
     *
     * @throws IllegalArgumentException for a change of state that no event stands for
     */
    public static List<TaskerEvent> of(TransitionRecord transition) {
        return transition.step() ? stepEvents(transition) : List.of(taskEvent(transition));
    }

    private static TaskerEvent taskEvent(TransitionRecord transition) {
        String from = transition.fromState();
        String to = transition.toState();
        EventType type;
        if (from == null) {
            type = SystemEvents.TASK_CREATED;
        } else if (to.equals("in_progress")) {
            type = transition.sortKey() == FIRST_START_SORT_KEY ? SystemEvents.TASK_STARTED
                    : SystemEvents.TASK_RESUMED;
        } else if (to.equals("pending") && from.equals("in_progress")) {
            type = SystemEvents.TASK_REQUEUED;
        } else if (to.equals("pending") && from.equals("error")) {
            type = "resolve_step".equals(transition.metadata().get("action")) ? SystemEvents.TASK_RESOLVED
                    : SystemEvents.TASK_RETRIED;
        } else {
            type = switch (to) {
                case "complete" -> SystemEvents.TASK_COMPLETED;
                case "error" -> SystemEvents.TASK_FAILED;
                case "cancelled" -> SystemEvents.TASK_CANCELLED;
                default -> throw unknown(transition);
            };
        }
        return event(type, transition, "", Map.of());
    }

    private static List<TaskerEvent> stepEvents(TransitionRecord transition) {
        String from = transition.fromState() == null ? "(new)" : transition.fromState();
        return switch (from + " → " + transition.toState()) {
            case "(new) → pending" -> List.of(event(SystemEvents.STEP_CREATED, transition, "", Map.of()));
            case "pending → in_progress" -> List.of(event(SystemEvents.STEP_STARTED, transition, "", Map.of()));
            case "in_progress → complete" -> List.of(event(SystemEvents.STEP_COMPLETED, transition, "", Map.of()));
            case "in_progress → error" -> failure(transition);
            case "in_progress → pending" -> List.of(event(SystemEvents.STEP_RELEASED, transition, "", Map.of()));
            case "error → pending" -> List.of(event(SystemEvents.STEP_RETRY_REQUESTED, transition, "", Map.of()));
            default -> switch (transition.toState()) {
                case "cancelled" -> List.of(event(SystemEvents.STEP_CANCELLED, transition, "", Map.of()));
                case "resolved_manually" -> List.of(event(SystemEvents.STEP_RESOLVED_MANUALLY, transition, "",
                        Map.of("bypassed", Boolean.TRUE.equals(transition.metadata().get("bypassed")))));
                default -> throw unknown(transition);
            };
        };
    }

    // What ended the attempt, then whether the step runs again (the transition's retry_eligible says).
    private static List<TaskerEvent> failure(TransitionRecord transition) {
        Map<String, Object> metadata = transition.metadata();
        List<TaskerEvent> events = new ArrayList<>();
        if ("lease_expired".equals(metadata.get("reason"))) {
            events.add(event(SystemEvents.STEP_LEASE_EXPIRED, transition, "", Map.of()));
        } else if (TIMEOUT_CLASS.equals(metadata.get("error_class"))) {
            events.add(event(SystemEvents.STEP_TIMED_OUT, transition, "", Map.of()));
        } else {
            String kind = Boolean.TRUE.equals(metadata.get("permanent")) ? "permanent"
                    : Boolean.FALSE.equals(metadata.get("counted")) ? "infrastructure" : "retryable";
            events.add(event(SystemEvents.STEP_FAILED, transition, "", Map.of("kind", kind)));
        }
        if (Boolean.TRUE.equals(metadata.get("retry_eligible"))) {
            BigDecimal backoff = metadata.get("backoff_seconds") instanceof BigDecimal seconds ? seconds
                    : BigDecimal.ZERO;
            Instant due = transition.occurredAt().plus(Duration.ofNanos(
                    backoff.movePointRight(9).longValue()));
            events.add(event(SystemEvents.STEP_RETRY_SCHEDULED, transition, "-retry_scheduled",
                    Map.of("due_at", due.toString(), "backoff_seconds", backoff)));
        } else {
            String reason = Boolean.TRUE.equals(metadata.get("permanent")) ? "permanent"
                    : attempt(transition).orElse(0) >= transition.retryLimit() ? "attempts" : "not_retryable";
            events.add(event(SystemEvents.STEP_EXHAUSTED, transition, "-exhausted",
                    Map.of("reason", reason, "retry_limit", transition.retryLimit())));
        }
        return events;
    }

    // The event's data: the fields its catalog entry names, worked out (computed) or from the metadata.
    private static TaskerEvent event(EventType type, TransitionRecord transition, String idSuffix,
                                     Map<String, Object> computed) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (EventType.DataField field : type.data()) {
            Object value = computed.containsKey(field.name()) ? computed.get(field.name())
                    : transition.metadata().get(field.name());
            if (value != null) {
                data.put(field.name(), value);
            }
        }
        String id = (transition.step() ? "step-" : "task-") + transition.transitionId() + idSuffix;
        return new TaskerEvent(id, type.name(), transition.occurredAt(), transition.taskId(),
                transition.namespace(), transition.taskName(), transition.version(), transition.correlationId(),
                transition.stepId(), transition.stepName(), attempt(transition).orElse(null),
                transition.fromState(), transition.toState(), data);
    }

    // The attempt a step's transition is about: the one claimed, ended or given back, or the retry due.
    private static Optional<Integer> attempt(TransitionRecord transition) {
        Object attempt = transition.metadata().getOrDefault("attempt", transition.metadata().get("retry_attempt"));
        return attempt instanceof Number number && transition.step() ? Optional.of(number.intValue())
                : Optional.empty();
    }

    private static IllegalArgumentException unknown(TransitionRecord transition) {
        return new IllegalArgumentException("no event stands for the " + (transition.step() ? "step" : "task")
                + " transition " + transition.fromState() + " → " + transition.toState());
    }
}
