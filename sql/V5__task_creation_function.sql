-- A task, its steps, their edges and the first transitions of all of them are written by one function call
-- (tasker_create_task) instead of row by row through JPA. Ids are now drawn one at a time from the sequences.

ALTER SEQUENCE tasker_tasks_seq INCREMENT BY 1;
ALTER SEQUENCE tasker_workflow_steps_seq INCREMENT BY 1;
ALTER SEQUENCE tasker_workflow_step_edges_seq INCREMENT BY 1;
-- Nothing draws from them any more but the function below: go on from the highest id in use (1 when empty).
SELECT setval('tasker_tasks_seq', coalesce(max(task_id), 0) + 1, false) FROM tasker_tasks;
SELECT setval('tasker_workflow_steps_seq', coalesce(max(workflow_step_id), 0) + 1, false) FROM tasker_workflow_steps;
SELECT setval('tasker_workflow_step_edges_seq', coalesce(max(id), 0) + 1, false) FROM tasker_workflow_step_edges;
ALTER TABLE tasker_tasks ALTER COLUMN task_id SET DEFAULT nextval('tasker_tasks_seq');
ALTER TABLE tasker_workflow_steps ALTER COLUMN workflow_step_id SET DEFAULT nextval('tasker_workflow_steps_seq');
ALTER TABLE tasker_workflow_step_edges ALTER COLUMN id SET DEFAULT nextval('tasker_workflow_step_edges_seq');

-- Creates a pending task of a named task. step_plan is the template's steps in order, each
-- {"name", "named_step_id", "retryable", "retry_limit", "skippable", "depends_on": [parent names]}; a step named in
-- bypassed (a JSON array of names) starts resolved_manually. Returns the new task's id.
CREATE FUNCTION tasker_create_task(input_named_task_id integer, step_plan jsonb, task_context jsonb,
                                   input_initiator varchar, input_source_system varchar, input_reason varchar,
                                   input_tags jsonb, bypassed jsonb, input_identity_hash varchar,
                                   input_request_digest varchar)
RETURNS bigint
LANGUAGE plpgsql
-- Nested loops over index scans only, as the functions of V4.
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
DECLARE
    new_task_id bigint;
BEGIN
    INSERT INTO tasker_tasks (named_task_id, initiator, source_system, reason, bypass_steps, tags, context,
                              identity_hash, request_digest)
    VALUES (input_named_task_id, input_initiator, input_source_system, input_reason, bypassed, input_tags,
            task_context, input_identity_hash, input_request_digest)
    RETURNING task_id INTO new_task_id;

    INSERT INTO tasker_workflow_steps (task_id, named_step_id, name, status, retryable, retry_limit, skippable)
    SELECT new_task_id,
           (plan.step ->> 'named_step_id')::integer,
           plan.step ->> 'name',
           CASE WHEN bypassed ? (plan.step ->> 'name') THEN 'resolved_manually' ELSE 'pending' END,
           (plan.step ->> 'retryable')::boolean,
           (plan.step ->> 'retry_limit')::integer,
           (plan.step ->> 'skippable')::boolean
      FROM jsonb_array_elements(step_plan) AS plan(step);

    INSERT INTO tasker_workflow_step_edges (from_step_id, to_step_id)
    SELECT parent.workflow_step_id, child.workflow_step_id
      FROM jsonb_array_elements(step_plan) AS plan(step)
     CROSS JOIN jsonb_array_elements_text(plan.step -> 'depends_on') AS dependency(parent_name)
      JOIN tasker_workflow_steps child ON child.task_id = new_task_id AND child.name = plan.step ->> 'name'
      JOIN tasker_workflow_steps parent ON parent.task_id = new_task_id AND parent.name = dependency.parent_name;

    PERFORM tasker_record_task_creation(new_task_id);
    RETURN new_task_id;
END
$$;
