-- Plans that stay on a task's own rows whatever the statistics say, that PostgreSQL plans once per connection, and
-- step updates that touch no index.
--
-- 1. The sweep's partial index of running steps (status = 'in_progress') matched every per-step statement, which
--    all check that a step is still in_progress. On a young database the statistics call that index nearly empty,
--    so the planner chose to scan it whole instead of the primary key, while it holds an entry for every version of
--    every step that ever ran and is not vacuumed yet: each completion read all of them (35 entries per statement
--    on average over a 4,000-workflow run, and growing). It is gone: the sweep finds running steps through the
--    active tasks (a step runs only while its task is pending or in_progress: cancelling ends its running steps,
--    and a task completes or fails only when none runs). With it gone no index covers a column that a claim, a
--    completion or a failure changes, and the steps' pages keep room for the new versions, so these updates are
--    HOT: they write no index entries.
-- 2. A task's transition locked the row through a condition on its state, which matched the sweep's partial index
--    of active tasks in the same way: it now locks the row by its key, then checks the state.
-- 3. Functions in LANGUAGE sql that PostgreSQL cannot inline are planned again at every call (planning the
--    execution context took 1.6 ms, eight times its execution). The ones each pass calls are now PL/pgSQL, whose
--    plans are kept for the connection.

DROP INDEX workflow_steps_leases_idx;
-- Half of each new page is left free, for the versions the state changes of its steps write.
ALTER TABLE tasker_workflow_steps SET (fillfactor = 50);

-- As in V3; the row is locked by its key before its state is looked at.
CREATE OR REPLACE FUNCTION tasker_transition_task(input_task_id bigint, from_states varchar[], to_state varchar,
                                                  transition_metadata jsonb)
RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    previous_state varchar;
    previous_key   integer;
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

    UPDATE tasker_task_transitions tt
       SET most_recent = false
     WHERE tt.task_id = input_task_id AND tt.most_recent
    RETURNING tt.sort_key INTO previous_key;

    INSERT INTO tasker_task_transitions (task_id, from_state, to_state, metadata, sort_key, most_recent)
    VALUES (input_task_id, previous_state, to_state, coalesce(transition_metadata, '{}'::jsonb),
            coalesce(previous_key, 0) + 10, true);
    RETURN true;
END
$$;

-- As in V3, in PL/pgSQL; the common case, nothing expired, ends without calling tasker_expire_leases. Its caller,
-- tasker_start_pass, sets the planner options of V4.
CREATE OR REPLACE FUNCTION tasker_expire_task_leases(input_task_id bigint)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    expired bigint[];
BEGIN
    SELECT array_agg(s.workflow_step_id) INTO expired
      FROM tasker_workflow_steps s
     WHERE s.task_id = input_task_id
       AND s.status = 'in_progress'
       AND s.lease_expires_at <= clock_timestamp();
    IF expired IS NOT NULL THEN
        PERFORM tasker_expire_leases(expired);
    END IF;
END
$$;

-- As in V3 (the sweep): the running steps are found through the active tasks' index, then each task's steps.
CREATE OR REPLACE FUNCTION tasker_expire_stale_leases(max_steps integer)
RETURNS TABLE (task_id bigint)
LANGUAGE sql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
    SELECT tasker_expire_leases(array_agg(expired.workflow_step_id))
      FROM (SELECT s.workflow_step_id
              FROM tasker_tasks t
              JOIN tasker_workflow_steps s ON s.task_id = t.task_id
             WHERE t.status IN ('pending', 'in_progress')
               AND s.status = 'in_progress'
               AND s.lease_expires_at <= clock_timestamp()
             ORDER BY s.lease_expires_at
             LIMIT max_steps) expired;
$$;

-- As in V3, in PL/pgSQL.
CREATE OR REPLACE FUNCTION tasker_record_task_creation(input_task_id bigint)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tasker_task_transitions (task_id, from_state, to_state, metadata, sort_key, most_recent)
    SELECT t.task_id, NULL, 'pending', jsonb_build_object('step_count', count(s.workflow_step_id)), 10, true
      FROM tasker_tasks t
      LEFT JOIN tasker_workflow_steps s ON s.task_id = t.task_id
     WHERE t.task_id = input_task_id
     GROUP BY t.task_id;
    INSERT INTO tasker_workflow_step_transitions (workflow_step_id, from_state, to_state, metadata, sort_key, most_recent)
    SELECT s.workflow_step_id, NULL, s.status,
           CASE WHEN s.status = 'resolved_manually' THEN '{"bypassed": true}'::jsonb ELSE '{}'::jsonb END, 10, true
      FROM tasker_workflow_steps s
     WHERE s.task_id = input_task_id;
END
$$;

-- As in V3, in PL/pgSQL.
CREATE OR REPLACE FUNCTION tasker_schedule_task_pass(input_task_id bigint, delay_seconds numeric)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tasker_tasks
       SET next_pass_at = clock_timestamp() + delay_seconds * interval '1 second'
     WHERE task_id = input_task_id;
END
$$;

-- As in V2 (with the planner settings of V4), in PL/pgSQL. The readiness function stays in SQL: it is inlined
-- into the statements that call it.
CREATE OR REPLACE FUNCTION get_task_execution_context(input_task_id bigint)
RETURNS TABLE (
    task_id               bigint,
    named_task_id         integer,
    status                varchar,
    total_steps           integer,
    pending_steps         integer,
    in_progress_steps     integer,
    completed_steps       integer,
    failed_steps          integer,
    ready_steps           integer,
    permanently_blocked_steps integer,
    execution_status      varchar,
    recommended_action    varchar,
    completion_percentage numeric,
    health_status         varchar,
    next_retry_at         timestamptz,
    earliest_lease_expiry timestamptz
)
LANGUAGE plpgsql STABLE
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH counts AS (
        SELECT t.task_id,
               t.named_task_id,
               t.status,
               count(r.workflow_step_id)::integer AS total,
               (count(*) FILTER (WHERE r.current_state = 'pending'))::integer AS pending,
               (count(*) FILTER (WHERE r.current_state = 'in_progress'))::integer AS in_progress,
               (count(*) FILTER (WHERE r.current_state IN ('complete', 'resolved_manually')))::integer AS completed,
               (count(*) FILTER (WHERE r.current_state = 'error'))::integer AS failed,
               (count(*) FILTER (WHERE r.ready_for_execution))::integer AS ready,
               (count(*) FILTER (WHERE r.current_state = 'error' AND NOT r.retry_eligible))::integer AS blocked,
               min(r.next_retry_at) FILTER (WHERE r.current_state = 'error' AND r.retry_eligible
                                              AND NOT r.ready_for_execution) AS next_retry_at,
               min(r.lease_expires_at) FILTER (WHERE r.current_state = 'in_progress') AS earliest_lease_expiry
          FROM tasker_tasks t
          LEFT JOIN LATERAL get_step_readiness_status(t.task_id) r ON true
         WHERE t.task_id = input_task_id
         GROUP BY t.task_id, t.named_task_id, t.status
    ), decided AS (
        SELECT c.*,
               CASE WHEN c.ready > 0 THEN 'has_ready_steps'
                    WHEN c.in_progress > 0 THEN 'processing'
                    WHEN c.blocked > 0 THEN 'blocked_by_failures'
                    WHEN c.total > 0 AND c.completed = c.total THEN 'all_complete'
                    ELSE 'waiting_for_dependencies'
               END AS execution_status
          FROM counts c
    )
    SELECT d.task_id,
           d.named_task_id,
           d.status,
           d.total,
           d.pending,
           d.in_progress,
           d.completed,
           d.failed,
           d.ready,
           d.blocked,
           d.execution_status::varchar,
           (CASE d.execution_status
                WHEN 'has_ready_steps' THEN 'execute_ready_steps'
                WHEN 'processing' THEN 'wait_for_completion'
                WHEN 'blocked_by_failures' THEN 'handle_failures'
                WHEN 'all_complete' THEN 'finalize_task'
                ELSE 'wait_for_dependencies'
            END)::varchar,
           CASE WHEN d.total = 0 THEN 0.0 ELSE round(d.completed * 100.0 / d.total, 2) END,
           (CASE WHEN d.failed = 0 THEN 'healthy'
                 WHEN d.blocked > 0 AND d.ready = 0 THEN 'blocked'
                 ELSE 'recovering'
            END)::varchar,
           d.next_retry_at,
           d.earliest_lease_expiry
      FROM decided d;
END
$$;
