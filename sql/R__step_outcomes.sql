-- Step outcomes: how a claimed attempt ends. Each applies only while the attempt still holds its claim: the step is
-- in_progress, in that attempt, under that claimant. A result that comes too late (the claim ran out, was given
-- back and taken by another claimant, or the task was cancelled) changes nothing, and its caller rolls back what
-- the handler wrote. (Settings: see sql/README.md.)

-- Completes a claimed attempt with its results and claims up to max_steps steps of the task that are ready then
-- (as tasker_claim_ready_steps), for the same claimant. The task row is locked first, so completions of one task's
-- steps take turns: the later one sees the earlier one's committed result and claims what both made ready together
-- (without the lock each could miss the other's uncommitted completion, leaving a ready step unclaimed).
-- A completion that claims nothing and leaves every step of the task complete or resolved_manually completes the
-- task (tasker_finish_task), in the same transaction.
-- Returns the claimed steps, each row with completed = true; a completion that claimed nothing returns one row with
-- completed = true, no step, and task_completed = true when it completed the task; an attempt that no longer held
-- its claim one row with completed = false.
CREATE OR REPLACE FUNCTION tasker_complete_step_and_claim(input_task_id bigint, input_step_id bigint,
                                                          claimed_attempt integer, step_results jsonb,
                                                          claimant varchar, max_steps integer,
                                                          lease_seconds numeric)
RETURNS TABLE (completed boolean, workflow_step_id bigint, name varchar, attempt integer, inputs jsonb,
               parent_results jsonb, task_completed boolean)
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    completes_task boolean := false;
BEGIN
    PERFORM 1 FROM tasker_tasks t WHERE t.task_id = input_task_id FOR NO KEY UPDATE;
    UPDATE tasker_workflow_steps s
       SET status = 'complete',
           in_process = false,
           processed = true,
           processed_at = clock_timestamp(),
           last_attempted_at = clock_timestamp(),
           results = coalesce(step_results, '{}'::jsonb),
           lease_expires_at = NULL,
           updated_at = clock_timestamp()
     WHERE s.workflow_step_id = input_step_id
       AND s.status = 'in_progress'
       AND s.attempts = claimed_attempt
       AND s.claimed_by = claimant;
    IF NOT FOUND THEN
        RETURN QUERY SELECT false, NULL::bigint, NULL::varchar, NULL::integer, NULL::jsonb, NULL::jsonb, false;
        RETURN;
    END IF;

    RETURN QUERY
        SELECT true, c.workflow_step_id, c.name, c.attempt, c.inputs, c.parent_results, false
          FROM tasker_claim_ready_steps(input_task_id, claimant, greatest(max_steps, 0), lease_seconds,
                   ARRAY[(input_step_id, 'in_progress', 'complete',
                          jsonb_build_object('attempt', claimed_attempt))::tasker_transition]) c;
    IF FOUND THEN
        RETURN;
    END IF;

    IF NOT EXISTS (SELECT 1
                     FROM tasker_workflow_steps s
                    WHERE s.task_id = input_task_id
                      AND s.status NOT IN ('complete', 'resolved_manually')) THEN
        completes_task := tasker_finish_task(input_task_id, 'complete', '{}');
    END IF;
    RETURN QUERY SELECT true, NULL::bigint, NULL::varchar, NULL::integer, NULL::jsonb, NULL::jsonb, completes_task;
END
$$;

-- Records the failed end of a claimed attempt: the step goes to error with the error details merged into its
-- results, a permanent failure makes it not retryable, and backoff_seconds (null for none) sets when a retry
-- becomes due. An attempt that failed because the infrastructure did (counted = false) is given back: it does not
-- count against the step's retry limit. The transition says whether the step may run again (retry_eligible), as
-- readiness will judge it. Returns whether the attempt still held its claim.
CREATE OR REPLACE FUNCTION tasker_fail_step(input_step_id bigint, claimed_attempt integer, claimant varchar,
                                            error_details jsonb, permanent boolean, backoff_seconds numeric,
                                            counted boolean)
RETURNS boolean
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    eligible boolean;
BEGIN
    UPDATE tasker_workflow_steps s
       SET status = 'error',
           in_process = false,
           retryable = s.retryable AND NOT permanent,
           attempts = CASE WHEN counted THEN s.attempts ELSE s.attempts - 1 END,
           last_attempted_at = clock_timestamp(),
           backoff_request_seconds = backoff_seconds,
           results = s.results || coalesce(error_details, '{}'::jsonb),
           lease_expires_at = NULL,
           updated_at = clock_timestamp()
     WHERE s.workflow_step_id = input_step_id
       AND s.status = 'in_progress'
       AND s.attempts = claimed_attempt
       AND s.claimed_by = claimant
    RETURNING s.retryable AND s.attempts < s.retry_limit INTO eligible;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM tasker_append_step_transitions(ARRAY[(input_step_id, 'in_progress', 'error',
        jsonb_build_object('attempt', claimed_attempt, 'permanent', permanent, 'counted', counted,
                           'backoff_seconds', backoff_seconds, 'retry_eligible', eligible)
        || jsonb_build_object('error_message', error_details -> 'error',
                              'error_class', error_details -> 'error_class'))::tasker_transition]);
    RETURN true;
END
$$;
