-- Finalization: how a pass leaves its task. The task ends (complete, error or cancelled, with the summary of its
-- steps), or goes back to pending until the message that drives it next is due. (Settings: see sql/README.md.)

-- Ends an active task (pending or in_progress) as to_state (complete, error or cancelled), recording with the
-- transition the summary of its steps, total_steps, completed_steps (complete or resolved_manually), failed_steps
-- (error) and cancelled_steps, merged with transition_metadata. Called by the completion of a task's last step and by the finalizer; returns
-- whether the task was active.
CREATE OR REPLACE FUNCTION tasker_finish_task(input_task_id bigint, to_state varchar, transition_metadata jsonb)
RETURNS boolean
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    summary jsonb;
BEGIN
    SELECT jsonb_build_object(
               'total_steps', count(*),
               'completed_steps', count(*) FILTER (WHERE s.status IN ('complete', 'resolved_manually')),
               'failed_steps', count(*) FILTER (WHERE s.status = 'error'),
               'cancelled_steps', count(*) FILTER (WHERE s.status = 'cancelled'))
      INTO summary
      FROM tasker_workflow_steps s
     WHERE s.task_id = input_task_id;
    RETURN tasker_transition_task(input_task_id, ARRAY['pending', 'in_progress']::varchar[], to_state,
                                  summary || coalesce(transition_metadata, '{}'::jsonb));
END
$$;

-- Sends a task back to pending (when it is in_progress) until its next pass, due after delay_seconds; the caller
-- sends the message that drives that pass in the same transaction.
CREATE OR REPLACE FUNCTION tasker_reenqueue_task(input_task_id bigint, delay_seconds numeric,
                                                 transition_metadata jsonb)
RETURNS void
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    PERFORM tasker_transition_task(input_task_id, ARRAY['in_progress']::varchar[], 'pending', transition_metadata);
    UPDATE tasker_tasks
       SET next_pass_at = clock_timestamp() + delay_seconds * interval '1 second'
     WHERE task_id = input_task_id;
END
$$;
