-- Transitions: every change of a task's or a step's state appends a row to its history in the same transaction,
-- and only the functions of these files write them. docs/architecture.md lists the changes each machine allows;
-- the integration suite replays every recorded transition against that list. (Settings: see sql/README.md.)

-- Appends step transitions in order, each with the next sort key of its step (the highest so far plus 10: the
-- highest is the current transition). The caller has changed (so locked) each step's row first, so no other
-- transaction appends to the same step meanwhile.
CREATE OR REPLACE FUNCTION tasker_append_step_transitions(transitions tasker_transition[])
RETURNS void
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    INSERT INTO tasker_workflow_step_transitions (workflow_step_id, from_state, to_state, metadata, sort_key)
    SELECT n.entity_id,
           n.from_state,
           n.to_state,
           coalesce(n.metadata, '{}'::jsonb),
           coalesce((SELECT max(t.sort_key)
                       FROM tasker_workflow_step_transitions t
                      WHERE t.workflow_step_id = n.entity_id), 0)
               + 10 * row_number() OVER (PARTITION BY n.entity_id ORDER BY n.ord)
      FROM unnest(transitions) WITH ORDINALITY AS n(entity_id, from_state, to_state, metadata, ord);
END
$$;

-- Moves a task to to_state if it is in one of from_states, with its transition; returns whether it did. The row
-- is locked by its key before its state is looked at (a condition on the state would match the partial index of
-- active tasks, which holds every not yet vacuumed version of an active task).
CREATE OR REPLACE FUNCTION tasker_transition_task(input_task_id bigint, from_states varchar[], to_state varchar,
                                                  transition_metadata jsonb)
RETURNS boolean
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    previous_state varchar;
BEGIN
    SELECT t.status INTO previous_state FROM tasker_tasks t WHERE t.task_id = input_task_id FOR UPDATE;
    IF previous_state IS NULL OR NOT (previous_state = ANY (from_states)) THEN
        RETURN false;
    END IF;

    UPDATE tasker_tasks t
       SET status = to_state,
           complete = (to_state = 'complete'),
           completed_at = CASE WHEN to_state = 'complete' THEN clock_timestamp() END,
           updated_at = clock_timestamp()
     WHERE t.task_id = input_task_id;

    INSERT INTO tasker_task_transitions (task_id, from_state, to_state, metadata, sort_key)
    VALUES (input_task_id, previous_state, to_state, coalesce(transition_metadata, '{}'::jsonb),
            coalesce((SELECT max(tt.sort_key) FROM tasker_task_transitions tt WHERE tt.task_id = input_task_id), 0)
                + 10);
    RETURN true;
END
$$;
