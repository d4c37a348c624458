-- Events: the relay (io.tasker.events.EventRelay) reads the transitions and the custom events handlers published as
-- a stream of transactions, in the order of their ids, each transaction's entries in the order they were written.
-- A consumer's cursor keeps the last transaction it has delivered; one node at a time holds a cursor, for a lease.
-- (Settings: see sql/README.md.)

-- Registers a consumer that starts with the transactions still running or to come; a known one keeps its place.
CREATE OR REPLACE FUNCTION tasker_register_event_cursor(cursor_name varchar)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO tasker_event_cursors (name, xact_id)
    VALUES (cursor_name, (pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1)::text::xid8)
    ON CONFLICT (name) DO NOTHING;
$$;

-- Takes a cursor for lease_seconds unless another node's lease on it still holds; returns the last transaction it
-- delivered, or no row.
CREATE OR REPLACE FUNCTION tasker_lease_event_cursor(cursor_name varchar, node varchar, lease_seconds numeric)
RETURNS bigint
LANGUAGE sql
AS $$
    UPDATE tasker_event_cursors c
       SET leased_by = node,
           lease_expires_at = clock_timestamp() + lease_seconds * interval '1 second'
     WHERE c.name = cursor_name
       AND (c.leased_by IS NULL OR c.leased_by = node OR c.lease_expires_at <= clock_timestamp())
    RETURNING c.xact_id::text::bigint;
$$;

-- Moves a cursor the node holds on to a later transaction and gives its lease up; false when the node no longer
-- held it.
CREATE OR REPLACE FUNCTION tasker_advance_event_cursor(cursor_name varchar, node varchar, to_xact_id bigint)
RETURNS boolean
LANGUAGE sql
AS $$
    WITH moved AS (
        UPDATE tasker_event_cursors c
           SET xact_id = to_xact_id::text::xid8,
               leased_by = NULL,
               lease_expires_at = NULL,
               updated_at = clock_timestamp()
         WHERE c.name = cursor_name
           AND c.leased_by = node
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM moved);
$$;

-- Records a custom event an attempt of a step published (the payload already checked against its declaration).
CREATE OR REPLACE FUNCTION tasker_record_custom_event(input_task_id bigint, input_step_id bigint,
                                                      input_attempt integer, event_name varchar, event_payload jsonb)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO tasker_custom_events (task_id, workflow_step_id, attempt, name, payload)
    VALUES (input_task_id, input_step_id, input_attempt, event_name, event_payload);
$$;

-- The entries of up to max_transactions transactions after after_xact_id: their transitions (kind 0 a task's, 1 a
-- step's) and custom events (kind 2), with what events say about their task and step: the transactions in the
-- order of their ids, each one's entries in the order they were written (by time, then kind, then id). Only
-- transactions older than every one still running are read: a transaction that commits later has a higher id than
-- any read, so it comes after them.
CREATE OR REPLACE FUNCTION tasker_event_stream(after_xact_id bigint, max_transactions integer)
RETURNS TABLE (xact_id bigint, kind smallint, entry_id bigint, from_state varchar, to_state varchar,
               metadata jsonb, occurred_at timestamptz, sort_key integer, task_id bigint, namespace varchar,
               task_name varchar, task_version varchar, correlation_id varchar, step_id bigint, step_name varchar,
               retry_limit integer, event_name varchar)
LANGUAGE plpgsql STABLE
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    after        xid8 := after_xact_id::text::xid8;
    horizon      xid8 := pg_snapshot_xmin(pg_current_snapshot());
    transactions xid8[];
BEGIN
    SELECT array_agg(x ORDER BY x)
      INTO transactions
      FROM (SELECT x
              FROM ((SELECT DISTINCT tt.xact_id AS x
                       FROM tasker_task_transitions tt
                      WHERE tt.xact_id > after AND tt.xact_id < horizon
                      ORDER BY 1
                      LIMIT max_transactions)
                    UNION
                    (SELECT DISTINCT st.xact_id
                       FROM tasker_workflow_step_transitions st
                      WHERE st.xact_id > after AND st.xact_id < horizon
                      ORDER BY 1
                      LIMIT max_transactions)
                    UNION
                    (SELECT DISTINCT ce.xact_id
                       FROM tasker_custom_events ce
                      WHERE ce.xact_id > after AND ce.xact_id < horizon
                      ORDER BY 1
                      LIMIT max_transactions)) u
             ORDER BY x
             LIMIT max_transactions) oldest;
    IF transactions IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
    SELECT e.* FROM (
        SELECT tt.xact_id::text::bigint, 0::smallint, tt.id, tt.from_state, tt.to_state, tt.metadata, tt.created_at,
               tt.sort_key, t.task_id, ns.name, nt.name, nt.version, t.correlation_id, NULL::bigint,
               NULL::varchar, 0, NULL::varchar
          FROM tasker_task_transitions tt
          JOIN tasker_tasks t ON t.task_id = tt.task_id
          JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
          JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
         WHERE tt.xact_id = ANY (transactions)
        UNION ALL
        SELECT st.xact_id::text::bigint, 1::smallint, st.id, st.from_state, st.to_state, st.metadata, st.created_at,
               st.sort_key, t.task_id, ns.name, nt.name, nt.version, t.correlation_id, s.workflow_step_id, s.name,
               s.retry_limit, NULL::varchar
          FROM tasker_workflow_step_transitions st
          JOIN tasker_workflow_steps s ON s.workflow_step_id = st.workflow_step_id
          JOIN tasker_tasks t ON t.task_id = s.task_id
          JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
          JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
         WHERE st.xact_id = ANY (transactions)
        UNION ALL
        SELECT ce.xact_id::text::bigint, 2::smallint, ce.id, NULL::varchar, NULL::varchar,
               jsonb_build_object('attempt', ce.attempt, 'payload', ce.payload), ce.created_at, 0, t.task_id,
               ns.name, nt.name, nt.version, t.correlation_id, s.workflow_step_id, s.name, s.retry_limit, ce.name
          FROM tasker_custom_events ce
          JOIN tasker_workflow_steps s ON s.workflow_step_id = ce.workflow_step_id
          JOIN tasker_tasks t ON t.task_id = ce.task_id
          JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
          JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
         WHERE ce.xact_id = ANY (transactions)
    ) e
    ORDER BY 1, 7, 2, 3;
END
$$;
