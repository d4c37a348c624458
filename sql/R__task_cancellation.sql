-- Cancellation: an operator ends a task before it finished. (Settings: see sql/README.md.)

-- Cancels an active task: the task and every step that has not finished (pending, running or in error) move to
-- cancelled, each with a transition carrying the given metadata (actor, reason). A running step's late result then
-- changes nothing. Returns the task's state before the call (null if there is no such task); a task that was not
-- pending or in_progress is left as it was.
CREATE OR REPLACE FUNCTION tasker_cancel_task(input_task_id bigint, transition_metadata jsonb)
RETURNS varchar
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    previous_state varchar;
    cancelled      tasker_transition[];
BEGIN
    SELECT t.status INTO previous_state FROM tasker_tasks t WHERE t.task_id = input_task_id FOR UPDATE;
    IF previous_state IS NULL OR previous_state NOT IN ('pending', 'in_progress') THEN
        RETURN previous_state;
    END IF;
    PERFORM tasker_transition_task(input_task_id, ARRAY[previous_state], 'cancelled', transition_metadata);

    WITH candidates AS (
        SELECT s.workflow_step_id, s.status
          FROM tasker_workflow_steps s
         WHERE s.task_id = input_task_id
           AND s.status IN ('pending', 'in_progress', 'error')
           FOR UPDATE
    ), updated AS (
        UPDATE tasker_workflow_steps s
           SET status = 'cancelled',
               in_process = false,
               lease_expires_at = NULL,
               updated_at = clock_timestamp()
          FROM candidates c
         WHERE s.workflow_step_id = c.workflow_step_id
        RETURNING s.workflow_step_id, c.status AS from_state)
    SELECT array_agg((u.workflow_step_id, u.from_state, 'cancelled', transition_metadata)::tasker_transition)
      INTO cancelled
      FROM updated u;
    IF cancelled IS NOT NULL THEN
        PERFORM tasker_append_step_transitions(cancelled);
    END IF;
    RETURN previous_state;
END
$$;
