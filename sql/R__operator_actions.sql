-- Operator actions: a person re-drives a task that failed, settles a step by hand, or cancels a step. Each is one call that checks
-- the states it starts from, makes the change with its transitions (their metadata says who, why and which request),
-- and, when the task had ended in error, makes it pending again; the caller sends the message that drives the task's
-- next pass in the same transaction. Each returns an outcome: 'done', 'no_task', 'no_step', or the state that forbids
-- it, 'task_<state>' or 'step_<state>' ('no_failed_step' when a retry finds no step in error). A task that ended
-- otherwise than in error (complete, cancelled) takes no more changes. (Settings: see sql/README.md.)

-- Locks the task, and the step when one is named; reports what forbids an operator's change (the task or the step
-- not in one of the states the change starts from), or null when nothing does.
CREATE OR REPLACE FUNCTION tasker_operator_check(input_task_id bigint, task_states varchar[],
                                                 input_step_id bigint, step_states varchar[])
RETURNS varchar
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    task_state varchar;
    step_state varchar;
BEGIN
    SELECT t.status INTO task_state FROM tasker_tasks t WHERE t.task_id = input_task_id FOR UPDATE;
    IF task_state IS NULL THEN
        RETURN 'no_task';
    END IF;
    IF input_step_id IS NOT NULL THEN
        SELECT s.status INTO step_state
          FROM tasker_workflow_steps s
         WHERE s.workflow_step_id = input_step_id AND s.task_id = input_task_id
           FOR UPDATE;
        IF step_state IS NULL THEN
            RETURN 'no_step';
        END IF;
    END IF;
    IF NOT (task_state = ANY (task_states)) THEN
        RETURN 'task_' || task_state;
    END IF;
    IF input_step_id IS NOT NULL AND NOT (step_state = ANY (step_states)) THEN
        RETURN 'step_' || step_state;
    END IF;
    RETURN NULL;
END
$$;

-- Steps in error run again: each becomes pending with a fresh attempt budget (as many attempts again as its template
-- allows, counted on from the attempts made: attempt numbers are never reused, so a late result of an old attempt
-- stays fenced off) and with its template's retryable flag. input_step_id names one step, of a task that has not
-- ended otherwise than in error; null means every step in error of a task in error. new_inputs, when not null,
-- replaces the inputs of the retried step. A task in error becomes pending.
CREATE OR REPLACE FUNCTION tasker_retry_steps(input_task_id bigint, input_step_id bigint, new_inputs jsonb,
                                              transition_metadata jsonb)
RETURNS varchar
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    forbidden varchar;
    retried   tasker_transition[];
BEGIN
    forbidden := tasker_operator_check(input_task_id,
        CASE WHEN input_step_id IS NULL THEN ARRAY['error'] ELSE ARRAY['pending', 'in_progress', 'error'] END::varchar[],
        input_step_id, ARRAY['error']::varchar[]);
    IF forbidden IS NOT NULL THEN
        RETURN forbidden;
    END IF;
    WITH updated AS (
        UPDATE tasker_workflow_steps s
           SET status = 'pending',
               retry_limit = s.attempts + coalesce(s.template_retry_limit, s.retry_limit),
               retryable = coalesce(s.template_retryable, s.retryable),
               backoff_request_seconds = NULL,
               inputs = coalesce(new_inputs, s.inputs),
               updated_at = clock_timestamp()
         WHERE s.task_id = input_task_id
           AND s.status = 'error'
           AND (input_step_id IS NULL OR s.workflow_step_id = input_step_id)
        RETURNING s.workflow_step_id)
    SELECT array_agg((u.workflow_step_id, 'error', 'pending', transition_metadata)::tasker_transition)
      INTO retried
      FROM updated u;
    IF retried IS NULL THEN
        RETURN 'no_failed_step';
    END IF;
    PERFORM tasker_append_step_transitions(retried);
    PERFORM tasker_transition_task(input_task_id, ARRAY['error']::varchar[], 'pending', transition_metadata);
    UPDATE tasker_tasks SET next_pass_at = clock_timestamp() WHERE task_id = input_task_id;
    RETURN 'done';
END
$$;

-- A pending or failed step is settled by hand: it becomes resolved_manually with the given results, which its
-- dependents read as a completed step's. A task in error becomes pending.
CREATE OR REPLACE FUNCTION tasker_resolve_step(input_task_id bigint, input_step_id bigint, step_results jsonb,
                                               transition_metadata jsonb)
RETURNS varchar
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    forbidden varchar;
    previous  varchar;
BEGIN
    forbidden := tasker_operator_check(input_task_id, ARRAY['pending', 'in_progress', 'error']::varchar[],
                                       input_step_id, ARRAY['pending', 'error']::varchar[]);
    IF forbidden IS NOT NULL THEN
        RETURN forbidden;
    END IF;
    UPDATE tasker_workflow_steps s
       SET status = 'resolved_manually',
           processed = true,
           processed_at = clock_timestamp(),
           results = step_results,
           backoff_request_seconds = NULL,
           updated_at = clock_timestamp()
      FROM (SELECT status FROM tasker_workflow_steps WHERE workflow_step_id = input_step_id) before
     WHERE s.workflow_step_id = input_step_id
    RETURNING before.status INTO previous;
    PERFORM tasker_append_step_transitions(ARRAY[(input_step_id, previous, 'resolved_manually',
                                                  transition_metadata)::tasker_transition]);
    PERFORM tasker_transition_task(input_task_id, ARRAY['error']::varchar[], 'pending', transition_metadata);
    UPDATE tasker_tasks SET next_pass_at = clock_timestamp() WHERE task_id = input_task_id;
    RETURN 'done';
END
$$;

-- A pending step is cancelled: it will not run, nor will the pending steps that depend on it, directly or through
-- other pending steps, which are cancelled with it, their transitions naming it (cancelled_with). A step settled
-- without it (resolved by hand, or bypassed) stops the walk: what depends on that step can still run. The task's other steps go on; once none is left to run, the finalizer ends the task as
-- cancelled (get_task_execution_context: all_done_or_cancelled), or in error if a step failed for good.
CREATE OR REPLACE FUNCTION tasker_cancel_step(input_task_id bigint, input_step_id bigint, transition_metadata jsonb)
RETURNS varchar
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    forbidden varchar;
    cancelled tasker_transition[];
BEGIN
    forbidden := tasker_operator_check(input_task_id, ARRAY['pending', 'in_progress', 'error']::varchar[],
                                       input_step_id, ARRAY['pending']::varchar[]);
    IF forbidden IS NOT NULL THEN
        RETURN forbidden;
    END IF;
    WITH RECURSIVE doomed AS (
        SELECT input_step_id AS workflow_step_id
        UNION
        SELECT e.to_step_id
          FROM tasker_workflow_step_edges e
          JOIN doomed d ON e.from_step_id = d.workflow_step_id
          JOIN tasker_workflow_steps child ON child.workflow_step_id = e.to_step_id
         WHERE child.status = 'pending'
    ), updated AS (
        UPDATE tasker_workflow_steps s
           SET status = 'cancelled',
               updated_at = clock_timestamp()
          FROM doomed d
         WHERE s.workflow_step_id = d.workflow_step_id
           AND s.status = 'pending'
        RETURNING s.workflow_step_id)
    SELECT array_agg((u.workflow_step_id, 'pending', 'cancelled',
                      CASE WHEN u.workflow_step_id = input_step_id THEN transition_metadata
                           ELSE transition_metadata || jsonb_build_object('cancelled_with', input_step_id)
                      END)::tasker_transition ORDER BY u.workflow_step_id)
      INTO cancelled
      FROM updated u;
    PERFORM tasker_append_step_transitions(cancelled);
    UPDATE tasker_tasks
       SET next_pass_at = clock_timestamp()
     WHERE task_id = input_task_id AND status IN ('pending', 'in_progress');
    RETURN 'done';
END
$$;
