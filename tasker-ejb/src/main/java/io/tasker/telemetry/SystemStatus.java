package io.tasker.telemetry;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The system at a moment: tasks and steps by state, when the oldest pending task was created (null when none is),
 * and the steps in error that will run again, due now or waiting on their back-off.
 *
 * @param at when it was counted
 */
public record SystemStatus(Map<String, Long> tasks, Map<String, Long> steps, OffsetDateTime oldestPendingTaskAt,
                           long retriesDue, long retriesWaiting, OffsetDateTime at) {
}
