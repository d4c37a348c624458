-- Fewer round trips and commits per step: a step's completion and the claim of the steps it made ready share one
-- transaction (a linear workflow commits once per step instead of twice), and a pass starts with one call.

-- Completes a claimed attempt (as tasker_complete_step) and claims up to max_steps steps of the task that are ready
-- then (as tasker_claim_ready_steps). The task row is locked first, so completions of one task's steps take turns:
-- the later one sees the earlier one's committed result and claims what both made ready together (without the
-- lock each could miss the other's uncommitted completion, leaving a ready step unclaimed).
-- Returns the claimed steps, each row with completed = true; a completion that claimed nothing returns one row
-- with completed = true and no step, an attempt that had lost its claim one row with completed = false.
CREATE FUNCTION tasker_complete_step_and_claim(input_task_id bigint, input_step_id bigint, claimed_attempt integer,
                                               step_results jsonb, claimant varchar, max_steps integer,
                                               lease_seconds numeric)
RETURNS TABLE (completed boolean, workflow_step_id bigint, name varchar, attempt integer, parent_results jsonb)
LANGUAGE plpgsql
-- Nested loops over index scans only, as the functions of V4.
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
#variable_conflict use_column
BEGIN
    PERFORM 1 FROM tasker_tasks t WHERE t.task_id = input_task_id FOR NO KEY UPDATE;
    IF NOT tasker_complete_step(input_step_id, claimed_attempt, step_results) THEN
        RETURN QUERY SELECT false, NULL::bigint, NULL::varchar, NULL::integer, NULL::jsonb;
        RETURN;
    END IF;
    IF max_steps > 0 THEN
        RETURN QUERY SELECT true, c.workflow_step_id, c.name, c.attempt, c.parent_results
                       FROM tasker_claim_ready_steps(input_task_id, claimant, max_steps, lease_seconds) c;
    END IF;
    IF NOT FOUND OR max_steps < 1 THEN
        RETURN QUERY SELECT true, NULL::bigint, NULL::varchar, NULL::integer, NULL::jsonb;
    END IF;
END
$$;

-- Starts a pass over a task in one call: ends the attempts of its steps whose claims ran out (their node died),
-- moves the task from pending to in_progress, and claims up to max_steps ready steps (as tasker_claim_ready_steps,
-- whose rows it returns). Like a completion it locks the task row before any step row, so the two cannot deadlock
-- (a completion in another pass over the task holds the task row while it waits for its step).
CREATE FUNCTION tasker_start_pass(input_task_id bigint, claimant varchar, max_steps integer, lease_seconds numeric)
RETURNS TABLE (workflow_step_id bigint, name varchar, attempt integer, parent_results jsonb)
LANGUAGE plpgsql
-- Nested loops over index scans only, as the functions of V4.
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
BEGIN
    PERFORM 1 FROM tasker_tasks t WHERE t.task_id = input_task_id FOR NO KEY UPDATE;
    PERFORM tasker_expire_task_leases(input_task_id);
    PERFORM tasker_transition_task(input_task_id, ARRAY['pending']::varchar[], 'in_progress', '{}');
    RETURN QUERY SELECT * FROM tasker_claim_ready_steps(input_task_id, claimant, max_steps, lease_seconds);
END
$$;
