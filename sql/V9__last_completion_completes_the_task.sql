-- A step's completion in fewer statements, and the completion of a task's last step completes the task.
--
-- 1. A completion appended its own transition, then the claim it made appended the claimed steps' transitions:
--    two calls, each demoting the current transitions and inserting the new ones. The claim now appends the
--    transitions it is given together with its own, in one call, and the completion's update moved into
--    tasker_complete_step_and_claim, its only caller (tasker_complete_step is gone).
-- 2. The completion of a task's last step completes the task, in the same transaction. Before, every pass ended
--    with a finalization in the task runner's transaction: it read the task's execution context and moved the
--    task to complete, so the message's acknowledgement and that database work committed together, in two phases
--    (the broker prepared, PostgreSQL committed, the broker committed, the transaction manager logged it). For a
--    task that completes nothing else needs that transaction now: its acknowledgement commits alone, in one phase,
--    and the execution context is not read. Tasks that wait, retry or fail are finalized as before.
--    A completion that claims no step and leaves no step of the task but complete or resolved_manually moves the
--    task (pending or in_progress) to complete, with the summary the finalization wrote. The task row is locked
--    first (as before), so of two completions of the last steps of a task the later one sees the earlier one's
--    result.

DROP FUNCTION tasker_complete_step_and_claim(bigint, bigint, integer, jsonb, varchar, integer, numeric);
DROP FUNCTION tasker_complete_step(bigint, integer, jsonb);
DROP FUNCTION tasker_claim_ready_steps(bigint, varchar, integer, numeric);

-- As in V3, appending the preceding transitions (those of the caller's state change) with the claim's own.
CREATE FUNCTION tasker_claim_ready_steps(input_task_id bigint, claimant varchar, max_steps integer,
                                         lease_seconds numeric,
                                         preceding tasker_transition[] DEFAULT '{}')
RETURNS TABLE (workflow_step_id bigint, name varchar, attempt integer, parent_results jsonb)
LANGUAGE plpgsql
-- Nested loops over index scans only (V4), planned once per connection (V8).
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    claimed_ids bigint[];
    retries     tasker_transition[];
    starts      tasker_transition[];
BEGIN
    WITH candidates AS (
        SELECT s.workflow_step_id, s.status
          FROM tasker_workflow_steps s
         WHERE s.workflow_step_id IN (SELECT r.workflow_step_id
                                        FROM get_step_readiness_status(input_task_id) r
                                       WHERE r.ready_for_execution)
           AND s.status IN ('pending', 'error')
           AND NOT s.in_process
         ORDER BY s.workflow_step_id
         LIMIT max_steps
           FOR UPDATE SKIP LOCKED
    ), claimed AS (
        UPDATE tasker_workflow_steps s
           SET status = 'in_progress',
               in_process = true,
               attempts = s.attempts + 1,
               claimed_by = claimant,
               claimed_at = clock_timestamp(),
               lease_expires_at = clock_timestamp() + lease_seconds * interval '1 second',
               updated_at = clock_timestamp()
          FROM candidates c
         WHERE s.workflow_step_id = c.workflow_step_id
        RETURNING s.workflow_step_id, c.status AS from_state, s.attempts)
    SELECT array_agg(c.workflow_step_id),
           coalesce(array_agg((c.workflow_step_id, 'error', 'pending',
                               jsonb_build_object('retry_attempt', c.attempts))::tasker_transition)
                        FILTER (WHERE c.from_state = 'error'), '{}'::tasker_transition[]),
           array_agg((c.workflow_step_id, 'pending', 'in_progress',
                      jsonb_build_object('attempt', c.attempts, 'claimed_by', claimant))::tasker_transition)
      INTO claimed_ids, retries, starts
      FROM claimed c;

    -- A retry goes error -> pending -> in_progress (decisions §1): both transitions are recorded, in that order.
    IF cardinality(preceding) > 0 OR claimed_ids IS NOT NULL THEN
        PERFORM tasker_append_step_transitions(preceding || retries || starts);
    END IF;
    IF claimed_ids IS NULL THEN
        RETURN;
    END IF;

    RETURN QUERY
        SELECT s.workflow_step_id,
               s.name,
               s.attempts,
               coalesce((SELECT jsonb_object_agg(parent.name, parent.results)
                           FROM tasker_workflow_step_edges e
                           JOIN tasker_workflow_steps parent ON parent.workflow_step_id = e.from_step_id
                          WHERE e.to_step_id = s.workflow_step_id), '{}'::jsonb)
          FROM tasker_workflow_steps s
         WHERE s.workflow_step_id = ANY (claimed_ids)
         ORDER BY s.workflow_step_id;
END
$$;

-- As in V6: completes a claimed attempt (only while the step is still in_progress in that attempt: a late result
-- from a lost claim changes nothing) and claims up to max_steps steps that are ready then. Returns the claimed
-- steps, each row with completed = true; a completion that claimed nothing returns one row with completed = true,
-- no step, and task_completed = true when it completed the task; an attempt that had lost its claim one row with
-- completed = false.
CREATE FUNCTION tasker_complete_step_and_claim(input_task_id bigint, input_step_id bigint, claimed_attempt integer,
                                               step_results jsonb, claimant varchar, max_steps integer,
                                               lease_seconds numeric)
RETURNS TABLE (completed boolean, workflow_step_id bigint, name varchar, attempt integer, parent_results jsonb,
               task_completed boolean)
LANGUAGE plpgsql
-- Nested loops over index scans only (V4), planned once per connection (V8).
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    step_count     integer;
    unfinished     integer;
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
       AND s.attempts = claimed_attempt;
    IF NOT FOUND THEN
        RETURN QUERY SELECT false, NULL::bigint, NULL::varchar, NULL::integer, NULL::jsonb, false;
        RETURN;
    END IF;

    RETURN QUERY
        SELECT true, c.workflow_step_id, c.name, c.attempt, c.parent_results, false
          FROM tasker_claim_ready_steps(input_task_id, claimant, greatest(max_steps, 0), lease_seconds,
                   ARRAY[(input_step_id, 'in_progress', 'complete',
                          jsonb_build_object('attempt', claimed_attempt))::tasker_transition]) c;
    IF FOUND THEN
        RETURN;
    END IF;

    SELECT count(*), count(*) FILTER (WHERE s.status NOT IN ('complete', 'resolved_manually'))
      INTO step_count, unfinished
      FROM tasker_workflow_steps s
     WHERE s.task_id = input_task_id;
    IF unfinished = 0 THEN
        completes_task := tasker_transition_task(input_task_id, ARRAY['pending', 'in_progress']::varchar[],
            'complete', jsonb_build_object('total_steps', step_count, 'completed_steps', step_count,
                                           'failed_steps', 0));
    END IF;
    RETURN QUERY SELECT true, NULL::bigint, NULL::varchar, NULL::integer, NULL::jsonb, completes_task;
END
$$;
