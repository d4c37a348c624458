package io.tasker.orchestration.claim;

import java.util.Map;

/**
 * One attempt of a step, claimed by one claimant (a pass: {@code <node>#<pass number>}). Its completion or failure is
 * recorded only while that claim still holds, this attempt under this claimant, so a result that arrives too late
 * changes nothing.
 *
 * @param attempt the attempt number this claim counted, 1 for the first
 * @param inputs the step's inputs (empty unless an operator gave some)
 * @param parentResults the results of the steps it depends on, by step name
 */
public record StepClaim(long stepId, String name, int attempt, String claimant, Map<String, Object> inputs,
                        Map<String, Map<String, Object>> parentResults) {
}
