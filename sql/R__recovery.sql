-- Recovery: claims whose node stopped renewing them are ended, and active tasks that nothing drives any more are
-- found, so no task waits forever. (Settings: see sql/README.md.)

-- Ends the attempts whose claims ran out (their node died or stopped renewing): in_progress -> error, the attempt
-- stays counted and the step is due for a retry at once. Only steps still expired when locked are touched.
-- Returns the steps it ended, each with its task (the node counts them: tasker_step_attempts_total).
CREATE OR REPLACE FUNCTION tasker_expire_leases(step_ids bigint[])
RETURNS TABLE (task_id bigint, step_name varchar)
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    expired tasker_transition[];
    tasks   bigint[];
    names   varchar[];
BEGIN
    WITH candidates AS (
        SELECT s.workflow_step_id
          FROM tasker_workflow_steps s
         WHERE s.workflow_step_id = ANY (step_ids)
           AND s.status = 'in_progress'
           AND s.lease_expires_at <= clock_timestamp()
           FOR UPDATE SKIP LOCKED
    ), ended AS (
        UPDATE tasker_workflow_steps s
           SET status = 'error',
               in_process = false,
               last_attempted_at = clock_timestamp(),
               backoff_request_seconds = 0,
               results = s.results || jsonb_build_object('error', 'the claim of ' || coalesce(s.claimed_by, 'a node')
                             || ' on attempt ' || s.attempts || ' ran out before it finished',
                             'error_class', 'LeaseExpired'),
               lease_expires_at = NULL,
               updated_at = clock_timestamp()
          FROM candidates c
         WHERE s.workflow_step_id = c.workflow_step_id
        RETURNING s.workflow_step_id, s.task_id, s.name, s.attempts, s.claimed_by,
                  s.retryable AND s.attempts < s.retry_limit AS retry_eligible)
    SELECT array_agg((e.workflow_step_id, 'in_progress', 'error',
                      jsonb_build_object('attempt', e.attempts, 'reason', 'lease_expired',
                                         'claimed_by', e.claimed_by,
                                         'retry_eligible', e.retry_eligible))::tasker_transition),
           array_agg(e.task_id), array_agg(e.name)
      INTO expired, tasks, names
      FROM ended e;
    IF expired IS NOT NULL THEN
        PERFORM tasker_append_step_transitions(expired);
    END IF;
    RETURN QUERY SELECT * FROM unnest(coalesce(tasks, '{}'::bigint[]), coalesce(names, '{}'::varchar[]));
END
$$;

-- Ends the expired claims of one task's steps (at the start of each pass over it) and returns the names of the
-- steps it ended (null when none). The common case, nothing expired, ends without calling tasker_expire_leases.
-- Its caller, tasker_start_pass, sets the index-only settings.
CREATE OR REPLACE FUNCTION tasker_expire_task_leases(input_task_id bigint)
RETURNS varchar[]
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    expired bigint[];
BEGIN
    SELECT array_agg(s.workflow_step_id) INTO expired
      FROM tasker_workflow_steps s
     WHERE s.task_id = input_task_id
       AND s.status = 'in_progress'
       AND s.lease_expires_at <= clock_timestamp();
    IF expired IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN (SELECT array_agg(e.step_name) FROM tasker_expire_leases(expired) e);
END
$$;

-- The sweep's lease recovery across all tasks: ends up to max_steps expired claims and marks their tasks due now;
-- returns those tasks, for the caller to send their messages in the same transaction. The running steps are found
-- through the active tasks' index, then each task's steps: a step runs only while its task is pending or
-- in_progress (cancelling ends its running steps, and a task completes or fails only when none runs).
-- Returns a row per ended step: its task, the task's template and the step's name.
CREATE OR REPLACE FUNCTION tasker_expire_stale_leases(max_steps integer)
RETURNS TABLE (task_id bigint, namespace varchar, task_name varchar, task_version varchar, step_name varchar)
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    tasks bigint[];
    names varchar[];
BEGIN
    SELECT array_agg(expired.task_id), array_agg(expired.step_name) INTO tasks, names
      FROM tasker_expire_leases((SELECT array_agg(s.workflow_step_id)
                                   FROM (SELECT s.workflow_step_id
                                           FROM tasker_tasks t
                                           JOIN tasker_workflow_steps s ON s.task_id = t.task_id
                                          WHERE t.status IN ('pending', 'in_progress')
                                            AND s.status = 'in_progress'
                                            AND s.lease_expires_at <= clock_timestamp()
                                          ORDER BY s.lease_expires_at
                                          LIMIT max_steps) s)) expired;
    IF tasks IS NULL THEN
        RETURN;
    END IF;
    UPDATE tasker_tasks t SET next_pass_at = clock_timestamp() WHERE t.task_id = ANY (tasks);
    RETURN QUERY
        SELECT e.task_id, ns.name, nt.name, nt.version, e.step_name
          FROM unnest(tasks, names) AS e (task_id, step_name)
          JOIN tasker_tasks t ON t.task_id = e.task_id
          JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
          JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id;
END
$$;

-- The sweep's safety net: active tasks whose next pass was due more than grace_seconds ago and that nothing has
-- touched since (no running claim, no step change), as if their message were lost. They are locked (other nodes'
-- sweeps skip them) and their next pass is set to now; the caller sends their messages in the same transaction.
CREATE OR REPLACE FUNCTION tasker_claim_forgotten_tasks(grace_seconds numeric, max_tasks integer)
RETURNS TABLE (task_id bigint)
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH forgotten AS (
        SELECT t.task_id
          FROM tasker_tasks t
         WHERE t.status IN ('pending', 'in_progress')
           AND t.next_pass_at < clock_timestamp() - grace_seconds * interval '1 second'
           AND t.updated_at < clock_timestamp() - grace_seconds * interval '1 second'
           AND NOT EXISTS (SELECT 1
                             FROM tasker_workflow_steps s
                            WHERE s.task_id = t.task_id
                              AND (s.updated_at >= clock_timestamp() - grace_seconds * interval '1 second'
                                   OR (s.status = 'in_progress' AND s.lease_expires_at > clock_timestamp())))
         ORDER BY t.next_pass_at
         LIMIT max_tasks
           FOR UPDATE OF t SKIP LOCKED
    )
    UPDATE tasker_tasks t
       SET next_pass_at = clock_timestamp()
      FROM forgotten f
     WHERE t.task_id = f.task_id
    RETURNING t.task_id;
END
$$;
