-- Task creation: a task, its steps, their edges and the first transition of each, in one call.
-- (Settings: see sql/README.md.)

-- Creates a pending task of a named task, or finds the task that an earlier request with the same identity
-- created. step_plan is the template's steps in order, each {"name", "named_step_id", "retryable", "retry_limit",
-- "skippable", "depends_on": [parent names]}; a step named in bypassed (a JSON array of names) starts
-- resolved_manually, with the transition metadata {"bypassed": true}.
-- With an identity (input_identity_hash), requests with that identity take turns (a transaction-level advisory
-- lock), so concurrent repeats create one task; a repeat returns the first request's task with created = false,
-- and request_matches says whether it asked for the same as the first (their request digests are equal).
-- The task keeps the request's correlation id, for the log lines about it.
-- Returns one row: the task's id, whether this call created it, and request_matches.
CREATE OR REPLACE FUNCTION tasker_create_task(input_named_task_id integer, step_plan jsonb, task_context jsonb,
                                              input_initiator varchar, input_source_system varchar,
                                              input_reason varchar, input_tags jsonb, bypassed jsonb,
                                              input_identity_hash varchar, input_request_digest varchar,
                                              input_correlation_id varchar)
RETURNS TABLE (task_id bigint, created boolean, request_matches boolean)
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    new_task_id     bigint;
    existing_digest varchar;
BEGIN
    IF input_identity_hash IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(hashtextextended(input_identity_hash, 0));
        SELECT t.task_id, t.request_digest INTO new_task_id, existing_digest
          FROM tasker_tasks t
         WHERE t.identity_hash = input_identity_hash;
        IF FOUND THEN
            RETURN QUERY SELECT new_task_id, false, existing_digest IS NOT DISTINCT FROM input_request_digest;
            RETURN;
        END IF;
    END IF;

    INSERT INTO tasker_tasks (named_task_id, initiator, source_system, reason, bypass_steps, tags, context,
                              identity_hash, request_digest, correlation_id)
    VALUES (input_named_task_id, input_initiator, input_source_system, input_reason, bypassed, input_tags,
            task_context, input_identity_hash, input_request_digest, input_correlation_id)
    RETURNING tasker_tasks.task_id INTO new_task_id;

    INSERT INTO tasker_workflow_steps (task_id, named_step_id, name, status, retryable, retry_limit, skippable,
                                       template_retryable, template_retry_limit)
    SELECT new_task_id,
           (plan.step ->> 'named_step_id')::integer,
           plan.step ->> 'name',
           CASE WHEN bypassed ? (plan.step ->> 'name') THEN 'resolved_manually' ELSE 'pending' END,
           (plan.step ->> 'retryable')::boolean,
           (plan.step ->> 'retry_limit')::integer,
           (plan.step ->> 'skippable')::boolean,
           (plan.step ->> 'retryable')::boolean,
           (plan.step ->> 'retry_limit')::integer
      FROM jsonb_array_elements(step_plan) AS plan(step);

    INSERT INTO tasker_workflow_step_edges (from_step_id, to_step_id)
    SELECT parent.workflow_step_id, child.workflow_step_id
      FROM jsonb_array_elements(step_plan) AS plan(step)
     CROSS JOIN jsonb_array_elements_text(plan.step -> 'depends_on') AS dependency(parent_name)
      JOIN tasker_workflow_steps child ON child.task_id = new_task_id AND child.name = plan.step ->> 'name'
      JOIN tasker_workflow_steps parent ON parent.task_id = new_task_id AND parent.name = dependency.parent_name;

    -- The first rows of the histories (from_state null).
    INSERT INTO tasker_task_transitions (task_id, from_state, to_state, metadata, sort_key)
    VALUES (new_task_id, NULL, 'pending', jsonb_build_object('step_count', jsonb_array_length(step_plan)), 10);
    INSERT INTO tasker_workflow_step_transitions (workflow_step_id, from_state, to_state, metadata, sort_key)
    SELECT s.workflow_step_id, NULL, s.status,
           CASE WHEN s.status = 'resolved_manually' THEN '{"bypassed": true}'::jsonb ELSE '{}'::jsonb END, 10
      FROM tasker_workflow_steps s
     WHERE s.task_id = new_task_id;

    RETURN QUERY SELECT new_task_id, true, true;
END
$$;
