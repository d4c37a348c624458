-- The orchestrator's state changes. Each function changes the current state on the row and appends the matching
-- transition rows in the same statement sequence, so a caller's transaction always holds both or neither.
-- Every change is conditional on the state it expects: a change that lost a race (another node claimed the step,
-- a lease expired, the task was cancelled) changes nothing and reports it.

CREATE TYPE tasker_transition AS (
    entity_id  bigint,
    from_state varchar,
    to_state   varchar,
    metadata   jsonb
);

-- Appends step transitions in order; several for one step get consecutive sort keys and only the last is
-- most_recent. The current rows are demoted first: the partial unique index allows one most_recent row per step.
CREATE FUNCTION tasker_append_step_transitions(transitions tasker_transition[])
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    demoted_ids  bigint[];
    demoted_keys integer[];
BEGIN
    WITH demoted AS (
        UPDATE tasker_workflow_step_transitions t
           SET most_recent = false
         WHERE t.most_recent
           AND t.workflow_step_id IN (SELECT (x).entity_id FROM unnest(transitions) x)
        RETURNING t.workflow_step_id, t.sort_key)
    SELECT array_agg(workflow_step_id), array_agg(sort_key) INTO demoted_ids, demoted_keys FROM demoted;

    INSERT INTO tasker_workflow_step_transitions
           (workflow_step_id, from_state, to_state, metadata, sort_key, most_recent)
    SELECT n.entity_id,
           n.from_state,
           n.to_state,
           coalesce(n.metadata, '{}'::jsonb),
           coalesce(previous.sort_key, 0) + 10 * row_number() OVER (PARTITION BY n.entity_id ORDER BY n.ord),
           row_number() OVER (PARTITION BY n.entity_id ORDER BY n.ord DESC) = 1
      FROM unnest(transitions) WITH ORDINALITY AS n(entity_id, from_state, to_state, metadata, ord)
      LEFT JOIN unnest(demoted_ids, demoted_keys) AS previous(step_id, sort_key) ON previous.step_id = n.entity_id;
END
$$;

-- Records a new task and its steps (from_state null): the first rows of their histories. A step starts pending,
-- or resolved_manually when the request bypassed it (decisions §7).
CREATE FUNCTION tasker_record_task_creation(input_task_id bigint)
RETURNS void
LANGUAGE sql AS $$
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
$$;

-- Records when the message that drives the task next is due (now plus delay_seconds).
CREATE FUNCTION tasker_schedule_task_pass(input_task_id bigint, delay_seconds numeric)
RETURNS void
LANGUAGE sql AS $$
    UPDATE tasker_tasks
       SET next_pass_at = clock_timestamp() + delay_seconds * interval '1 second'
     WHERE task_id = input_task_id;
$$;

-- Moves a task to to_state if it is in one of from_states; returns whether it did.
CREATE FUNCTION tasker_transition_task(input_task_id bigint, from_states varchar[], to_state varchar,
                                       transition_metadata jsonb)
RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    previous_state varchar;
    previous_key   integer;
BEGIN
    SELECT t.status INTO previous_state
      FROM tasker_tasks t
     WHERE t.task_id = input_task_id AND t.status = ANY (from_states)
       FOR UPDATE;
    IF NOT FOUND THEN
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

-- Claims up to max_steps ready steps of a task for one attempt each: the step moves to in_progress (through
-- pending when it is a retry of a step in error), its attempt is counted, the claimant is recorded, and the claim
-- holds for lease_seconds unless renewed.
-- Rows another transaction holds are skipped, and the state is checked again after locking, so two nodes never
-- claim the same attempt. Returns the claimed steps with the results of their parents, by parent name.
CREATE FUNCTION tasker_claim_ready_steps(input_task_id bigint, claimant varchar, max_steps integer,
                                         lease_seconds numeric)
RETURNS TABLE (workflow_step_id bigint, name varchar, attempt integer, parent_results jsonb)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    claimed_ids bigint[];
    retries     tasker_transition[];
    starts      tasker_transition[];
BEGIN
    WITH candidates AS (
        SELECT s.workflow_step_id, s.status
          FROM tasker_workflow_steps s
         WHERE s.workflow_step_id IN (SELECT r.workflow_step_id
                                        FROM get_step_readiness_status(input_task_id) r
                                       WHERE r.ready_for_execution)
           AND s.status IN ('pending', 'error')
           AND NOT s.in_process
         ORDER BY s.workflow_step_id
         LIMIT max_steps
           FOR UPDATE SKIP LOCKED
    ), claimed AS (
        UPDATE tasker_workflow_steps s
           SET status = 'in_progress',
               in_process = true,
               attempts = s.attempts + 1,
               claimed_by = claimant,
               claimed_at = clock_timestamp(),
               lease_expires_at = clock_timestamp() + lease_seconds * interval '1 second',
               updated_at = clock_timestamp()
          FROM candidates c
         WHERE s.workflow_step_id = c.workflow_step_id
        RETURNING s.workflow_step_id, c.status AS from_state, s.attempts)
    SELECT array_agg(c.workflow_step_id),
           coalesce(array_agg((c.workflow_step_id, 'error', 'pending',
                               jsonb_build_object('retry_attempt', c.attempts))::tasker_transition)
                        FILTER (WHERE c.from_state = 'error'), '{}'::tasker_transition[]),
           array_agg((c.workflow_step_id, 'pending', 'in_progress',
                      jsonb_build_object('attempt', c.attempts, 'claimed_by', claimant))::tasker_transition)
      INTO claimed_ids, retries, starts
      FROM claimed c;

    IF claimed_ids IS NULL THEN
        RETURN;
    END IF;
    -- A retry goes error -> pending -> in_progress (decisions §1): both transitions are recorded, in that order.
    PERFORM tasker_append_step_transitions(retries || starts);

    RETURN QUERY
        SELECT s.workflow_step_id,
               s.name,
               s.attempts,
               coalesce((SELECT jsonb_object_agg(parent.name, parent.results)
                           FROM tasker_workflow_step_edges e
                           JOIN tasker_workflow_steps parent ON parent.workflow_step_id = e.from_step_id
                          WHERE e.to_step_id = s.workflow_step_id), '{}'::jsonb)
          FROM tasker_workflow_steps s
         WHERE s.workflow_step_id = ANY (claimed_ids)
         ORDER BY s.workflow_step_id;
END
$$;

-- Records the successful end of a claimed attempt. Applies only while the step is still in_progress in that
-- attempt: a late result from a lost claim changes nothing and returns false.
CREATE FUNCTION tasker_complete_step(input_step_id bigint, claimed_attempt integer, step_results jsonb)
RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tasker_workflow_steps s
       SET status = 'complete',
           in_process = false,
           processed = true,
           processed_at = clock_timestamp(),
           last_attempted_at = clock_timestamp(),
           results = coalesce(step_results, '{}'::jsonb),
           lease_expires_at = NULL,
           updated_at = clock_timestamp()
     WHERE s.workflow_step_id = input_step_id
       AND s.status = 'in_progress'
       AND s.attempts = claimed_attempt;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM tasker_append_step_transitions(ARRAY[(input_step_id, 'in_progress', 'complete',
        jsonb_build_object('attempt', claimed_attempt))::tasker_transition]);
    RETURN true;
END
$$;

-- Records the failed end of a claimed attempt: the error details are merged into the results, a permanent
-- failure makes the step not retryable, and backoff_seconds (null for none) sets when a retry becomes due. An
-- attempt that failed because the infrastructure did (counted = false) is given back: it does not count against
-- the step's retry limit. Applies only while the step is still in_progress in that attempt.
CREATE FUNCTION tasker_fail_step(input_step_id bigint, claimed_attempt integer, error_details jsonb,
                                 permanent boolean, backoff_seconds numeric, counted boolean)
RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tasker_workflow_steps s
       SET status = 'error',
           in_process = false,
           retryable = s.retryable AND NOT permanent,
           attempts = CASE WHEN counted THEN s.attempts ELSE s.attempts - 1 END,
           last_attempted_at = clock_timestamp(),
           backoff_request_seconds = backoff_seconds,
           results = s.results || coalesce(error_details, '{}'::jsonb),
           lease_expires_at = NULL,
           updated_at = clock_timestamp()
     WHERE s.workflow_step_id = input_step_id
       AND s.status = 'in_progress'
       AND s.attempts = claimed_attempt;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM tasker_append_step_transitions(ARRAY[(input_step_id, 'in_progress', 'error',
        jsonb_build_object('attempt', claimed_attempt, 'permanent', permanent, 'counted', counted,
                           'backoff_seconds', backoff_seconds)
        || jsonb_build_object('error_message', error_details -> 'error'))::tasker_transition]);
    RETURN true;
END
$$;

-- Renews the claims of running attempts (steps paired with their attempt numbers) for lease_seconds more; returns
-- how many still held their claim.
CREATE FUNCTION tasker_renew_step_leases(step_ids bigint[], claimed_attempts integer[], lease_seconds numeric)
RETURNS integer
LANGUAGE sql AS $$
    WITH renewed AS (
        UPDATE tasker_workflow_steps s
           SET lease_expires_at = clock_timestamp() + lease_seconds * interval '1 second'
          FROM unnest(step_ids, claimed_attempts) AS running(step_id, attempt)
         WHERE s.workflow_step_id = running.step_id
           AND s.status = 'in_progress'
           AND s.attempts = running.attempt
        RETURNING 1)
    SELECT count(*)::integer FROM renewed;
$$;

-- Ends the attempts whose claims ran out (their node died or stopped renewing): in_progress -> error, the attempt
-- stays counted and the step is due for a retry at once (decisions §4). Only steps still expired when locked are
-- touched. Returns the tasks of the steps it ended.
CREATE FUNCTION tasker_expire_leases(step_ids bigint[])
RETURNS TABLE (task_id bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    expired tasker_transition[];
    tasks   bigint[];
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
        RETURNING s.workflow_step_id, s.task_id, s.attempts, s.claimed_by)
    SELECT array_agg((e.workflow_step_id, 'in_progress', 'error',
                      jsonb_build_object('attempt', e.attempts, 'reason', 'lease_expired',
                                         'claimed_by', e.claimed_by))::tasker_transition),
           array_agg(DISTINCT e.task_id)
      INTO expired, tasks
      FROM ended e;
    IF expired IS NOT NULL THEN
        PERFORM tasker_append_step_transitions(expired);
    END IF;
    RETURN QUERY SELECT unnest(coalesce(tasks, '{}'::bigint[]));
END
$$;

-- Ends the expired claims of one task's steps (at the start of each pass over it).
CREATE FUNCTION tasker_expire_task_leases(input_task_id bigint)
RETURNS void
LANGUAGE sql AS $$
    SELECT tasker_expire_leases(array_agg(s.workflow_step_id))
      FROM tasker_workflow_steps s
     WHERE s.task_id = input_task_id
       AND s.status = 'in_progress'
       AND s.lease_expires_at <= clock_timestamp();
$$;

-- Gives back, uncounted, the running attempts of a task that one claimant (one pass) holds: in_progress ->
-- pending, for any node to claim at once. A pass does this when its node stops, when it cannot go on, and when an
-- infrastructure failure left it unsure which claims it made (a commit may succeed though the client saw an
-- error). Returns how many it gave back.
CREATE FUNCTION tasker_release_claims(input_task_id bigint, input_claimant varchar)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    released tasker_transition[];
BEGIN
    WITH candidates AS (
        SELECT s.workflow_step_id
          FROM tasker_workflow_steps s
         WHERE s.task_id = input_task_id
           AND s.status = 'in_progress'
           AND s.claimed_by = input_claimant
           FOR UPDATE
    ), given_back AS (
        UPDATE tasker_workflow_steps s
           SET status = 'pending',
               in_process = false,
               attempts = s.attempts - 1,
               lease_expires_at = NULL,
               updated_at = clock_timestamp()
          FROM candidates c
         WHERE s.workflow_step_id = c.workflow_step_id
        RETURNING s.workflow_step_id, s.attempts)
    SELECT array_agg((g.workflow_step_id, 'in_progress', 'pending',
                      jsonb_build_object('attempt', g.attempts + 1, 'reason', 'released',
                                         'claimed_by', input_claimant))::tasker_transition)
      INTO released
      FROM given_back g;
    IF released IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM tasker_append_step_transitions(released);
    RETURN cardinality(released);
END
$$;

-- Cancels an active task (reference D17): the task and every step that has not finished (pending, running or in
-- error) move to cancelled, each with a transition carrying the given metadata (actor, reason). A running step's
-- late result then changes nothing. Returns the task's state before the call (null if there is no such task);
-- a task that was not pending or in_progress is left as it was.
CREATE FUNCTION tasker_cancel_task(input_task_id bigint, transition_metadata jsonb)
RETURNS varchar
LANGUAGE plpgsql AS $$
DECLARE
    previous_state varchar;
    cancelled      tasker_transition[];
BEGIN
    SELECT t.status INTO previous_state FROM tasker_tasks t WHERE t.task_id = input_task_id FOR UPDATE;
    IF previous_state IS NULL OR previous_state NOT IN ('pending', 'in_progress') THEN
        RETURN previous_state;
    END IF;
    PERFORM tasker_transition_task(input_task_id, ARRAY[previous_state], 'cancelled', transition_metadata);

    WITH candidates AS (
        SELECT s.workflow_step_id, s.status
          FROM tasker_workflow_steps s
         WHERE s.task_id = input_task_id
           AND s.status IN ('pending', 'in_progress', 'error')
           FOR UPDATE
    ), updated AS (
        UPDATE tasker_workflow_steps s
           SET status = 'cancelled',
               in_process = false,
               lease_expires_at = NULL,
               updated_at = clock_timestamp()
          FROM candidates c
         WHERE s.workflow_step_id = c.workflow_step_id
        RETURNING s.workflow_step_id, c.status AS from_state)
    SELECT array_agg((u.workflow_step_id, u.from_state, 'cancelled', transition_metadata)::tasker_transition)
      INTO cancelled
      FROM updated u;
    IF cancelled IS NOT NULL THEN
        PERFORM tasker_append_step_transitions(cancelled);
    END IF;
    RETURN previous_state;
END
$$;

-- The sweep's safety net: active tasks whose next pass was due more than grace_seconds ago and that nothing has
-- touched since (no running claim, no step change), as if their message were lost. They are locked (other nodes'
-- sweeps skip them) and their next pass is set to now; the caller sends their messages in the same transaction.
CREATE FUNCTION tasker_claim_forgotten_tasks(grace_seconds numeric, max_tasks integer)
RETURNS TABLE (task_id bigint)
LANGUAGE sql AS $$
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
$$;

-- The sweep's lease recovery across all tasks: ends up to max_steps expired claims, returning their tasks.
CREATE FUNCTION tasker_expire_stale_leases(max_steps integer)
RETURNS TABLE (task_id bigint)
LANGUAGE sql AS $$
    SELECT tasker_expire_leases(array_agg(expired.workflow_step_id))
      FROM (SELECT s.workflow_step_id
              FROM tasker_workflow_steps s
             WHERE s.status = 'in_progress'
               AND s.lease_expires_at <= clock_timestamp()
             ORDER BY s.lease_expires_at
             LIMIT max_steps) expired;
$$;
