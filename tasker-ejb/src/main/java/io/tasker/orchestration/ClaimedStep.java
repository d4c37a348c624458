package io.tasker.orchestration;

import java.util.Map;

/**
 * A step claimed for one attempt. Its completion or failure is recorded only while that attempt still holds the
 * claim, so a result that arrives too late changes nothing.
 *
 * @param attempt the attempt number this claim counted, 1 for the first
 * @param parentResults the results of the steps it depends on, by step name
 */
public record ClaimedStep(long stepId, String name, int attempt, Map<String, Map<String, Object>> parentResults) {
}
