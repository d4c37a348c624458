-- Readiness: which steps of a task may run now, and what the task needs next. Both read only the task's own steps
-- and their incoming edges, through the indexes on (task_id, name) and (to_step_id, from_step_id), so their cost
-- does not grow with the history. (Settings: see sql/README.md.)

-- One row per step of the task.
--   ready_for_execution: dependencies satisfied, not claimed, and either pending, or in error with attempts left,
--     retryable, and its back-off elapsed (next_retry_at <= now()).
--   retry_eligible: may still run (pending, or a retryable error with attempts left), whether or not it is due.
--   next_retry_at: when a step in error becomes due: last_attempted_at + backoff_request_seconds.
-- LANGUAGE sql without settings on purpose: it is inlined into the statements that call it and planned with their
-- settings (a SQL function with settings is not inlined, and is planned again at every call).
CREATE OR REPLACE FUNCTION get_step_readiness_status(input_task_id bigint)
RETURNS TABLE (
    workflow_step_id        bigint,
    task_id                 bigint,
    named_step_id           integer,
    name                    varchar,
    current_state           varchar,
    dependencies_satisfied  boolean,
    retry_eligible          boolean,
    ready_for_execution     boolean,
    last_failure_at         timestamptz,
    next_retry_at           timestamptz,
    total_parents           integer,
    completed_parents       integer,
    attempts                integer,
    retry_limit             integer,
    backoff_request_seconds numeric,
    last_attempted_at       timestamptz,
    retryable               boolean,
    lease_expires_at        timestamptz
)
LANGUAGE sql STABLE AS $$
    SELECT s.workflow_step_id,
           s.task_id,
           s.named_step_id,
           s.name,
           s.status,
           p.completed = p.total,
           eligible.retry_eligible,
           p.completed = p.total
               AND NOT s.in_process
               AND NOT s.processed
               AND (s.status = 'pending'
                    OR (s.status = 'error' AND eligible.retry_eligible
                        AND (due.next_retry_at IS NULL OR due.next_retry_at <= now()))),
           CASE WHEN s.status = 'error' THEN s.last_attempted_at END,
           due.next_retry_at,
           p.total,
           p.completed,
           s.attempts,
           s.retry_limit,
           s.backoff_request_seconds,
           s.last_attempted_at,
           s.retryable,
           s.lease_expires_at
      FROM tasker_workflow_steps s
      CROSS JOIN LATERAL (
            SELECT count(*)::integer AS total,
                   (count(*) FILTER (WHERE parent.status IN ('complete', 'resolved_manually')))::integer AS completed
              FROM tasker_workflow_step_edges e
              JOIN tasker_workflow_steps parent ON parent.workflow_step_id = e.from_step_id
             WHERE e.to_step_id = s.workflow_step_id) p
      CROSS JOIN LATERAL (
            SELECT s.status = 'pending'
                   OR (s.status = 'error' AND s.retryable AND s.attempts < s.retry_limit) AS retry_eligible) eligible
      CROSS JOIN LATERAL (
            SELECT CASE WHEN s.status = 'error' AND s.backoff_request_seconds IS NOT NULL
                        THEN s.last_attempted_at + s.backoff_request_seconds * interval '1 second'
                   END AS next_retry_at) due
     WHERE s.task_id = input_task_id
$$;

-- One row per task (none if the task does not exist): what the finalizer does next with it.
-- execution_status, first match: has_ready_steps, processing (a step is in_progress), blocked_by_failures (a step
-- in error may not run again: not retryable, or out of attempts), all_complete (every step complete or
-- resolved_manually), all_done_or_cancelled (the same but for steps an operator cancelled),
-- waiting_for_dependencies. next_retry_at: the earliest moment a step waiting for its back-off
-- becomes due; earliest_lease_expiry: the earliest moment a running step's claim runs out.
CREATE OR REPLACE FUNCTION get_task_execution_context(input_task_id bigint)
RETURNS TABLE (
    task_id               bigint,
    status                varchar,
    execution_status      varchar,
    next_retry_at         timestamptz,
    earliest_lease_expiry timestamptz
)
LANGUAGE plpgsql STABLE
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH counts AS (
        SELECT t.task_id,
               t.status,
               count(r.workflow_step_id) AS total,
               count(*) FILTER (WHERE r.current_state = 'in_progress') AS in_progress,
               count(*) FILTER (WHERE r.current_state IN ('complete', 'resolved_manually')) AS completed,
               count(*) FILTER (WHERE r.current_state = 'cancelled') AS cancelled,
               count(*) FILTER (WHERE r.ready_for_execution) AS ready,
               count(*) FILTER (WHERE r.current_state = 'error' AND NOT r.retry_eligible) AS blocked,
               min(r.next_retry_at) FILTER (WHERE r.current_state = 'error' AND r.retry_eligible
                                              AND NOT r.ready_for_execution) AS next_retry_at,
               min(r.lease_expires_at) FILTER (WHERE r.current_state = 'in_progress') AS earliest_lease_expiry
          FROM tasker_tasks t
          LEFT JOIN LATERAL get_step_readiness_status(t.task_id) r ON true
         WHERE t.task_id = input_task_id
         GROUP BY t.task_id, t.status
    )
    SELECT c.task_id,
           c.status,
           (CASE WHEN c.ready > 0 THEN 'has_ready_steps'
                 WHEN c.in_progress > 0 THEN 'processing'
                 WHEN c.blocked > 0 THEN 'blocked_by_failures'
                 WHEN c.total > 0 AND c.completed = c.total THEN 'all_complete'
                 WHEN c.total > 0 AND c.completed + c.cancelled = c.total THEN 'all_done_or_cancelled'
                 ELSE 'waiting_for_dependencies'
            END)::varchar,
           c.next_retry_at,
           c.earliest_lease_expiry
      FROM counts c;
END
$$;
