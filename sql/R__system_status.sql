-- The system's status at a glance, for GET /tasker/health/status: tasks and steps by state, when the oldest pending
-- task was created, and the steps in error that will run again (retryable, attempts left, their task active): due
-- now, or waiting on their back-off (the due rule of get_step_readiness_status, R__readiness.sql). It counts whole
-- tables, so its caller caches it (tasker.health.status-cache-seconds).
CREATE OR REPLACE FUNCTION tasker_system_status()
RETURNS jsonb
LANGUAGE sql
STABLE
AS $$
    SELECT jsonb_build_object(
        'tasks', (SELECT coalesce(jsonb_object_agg(status, total), '{}'::jsonb)
                    FROM (SELECT status, count(*) AS total FROM tasker_tasks GROUP BY status) t),
        'steps', (SELECT coalesce(jsonb_object_agg(status, total), '{}'::jsonb)
                    FROM (SELECT status, count(*) AS total FROM tasker_workflow_steps GROUP BY status) s),
        'oldest_pending_task_at', (SELECT min(created_at) FROM tasker_tasks WHERE status = 'pending'),
        'retries_due', count(*) FILTER (WHERE r.due),
        'retries_waiting', count(*) FILTER (WHERE NOT r.due),
        'at', clock_timestamp())
      FROM (SELECT s.backoff_request_seconds IS NULL
                   OR s.last_attempted_at + s.backoff_request_seconds * interval '1 second' <= now() AS due
              FROM tasker_workflow_steps s
              JOIN tasker_tasks t ON t.task_id = s.task_id
             WHERE s.status = 'error'
               AND s.retryable
               AND s.attempts < s.retry_limit
               AND t.status IN ('pending', 'in_progress')) r
$$;
