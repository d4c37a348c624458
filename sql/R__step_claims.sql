-- Step claims: before a step runs, one claimant (one pass of one node, named "<node>#<pass number>") claims one
-- attempt of it. The claim records the claimant, counts the attempt and holds until its lease runs out unless the
-- claimant renews it; the attempt's completion or failure is recorded only while the claim still holds
-- (R__step_outcomes.sql). (Settings: see sql/README.md.)

-- Starts a pass over a task in one call. The task row is locked first, as a completion locks it, so the two cannot
-- deadlock (a completion in another pass over the task holds the task row while it waits for its step). A task
-- that is pending or in_progress then has the attempts whose claims ran out ended (their node died), moves from
-- pending to in_progress, and has up to max_steps ready steps claimed (as tasker_claim_ready_steps); a task in any
-- other state is left as it is.
-- Returns what the pass needs to know of the task (its state, template, context, creation time and correlation id,
-- and the steps whose expired claims it ended) on every row: a row per claimed step, or one row without a step
-- when none was claimed; no row when there is no such task.
CREATE OR REPLACE FUNCTION tasker_start_pass(input_task_id bigint, claimant varchar, max_steps integer,
                                             lease_seconds numeric)
RETURNS TABLE (task_status varchar, namespace varchar, task_name varchar, task_version varchar,
               task_context jsonb, task_created_at timestamptz, task_correlation_id varchar,
               expired_steps varchar[], workflow_step_id bigint, name varchar, attempt integer, inputs jsonb,
               parent_results jsonb)
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    current_status    varchar;
    found_namespace   varchar;
    found_name        varchar;
    found_version     varchar;
    found_context     jsonb;
    found_created     timestamptz;
    found_correlation varchar;
    expired           varchar[];
BEGIN
    SELECT t.status, ns.name, nt.name, nt.version, t.context, t.created_at, t.correlation_id
      INTO current_status, found_namespace, found_name, found_version, found_context, found_created,
           found_correlation
      FROM tasker_tasks t
      JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
      JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
     WHERE t.task_id = input_task_id
       FOR NO KEY UPDATE OF t;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF current_status IN ('pending', 'in_progress') THEN
        expired := tasker_expire_task_leases(input_task_id);
        IF tasker_transition_task(input_task_id, ARRAY['pending']::varchar[], 'in_progress', '{}') THEN
            current_status := 'in_progress';
        END IF;
        RETURN QUERY
            SELECT current_status, found_namespace, found_name, found_version, found_context, found_created,
                   found_correlation, expired, c.workflow_step_id, c.name, c.attempt, c.inputs, c.parent_results
              FROM tasker_claim_ready_steps(input_task_id, claimant, max_steps, lease_seconds) c;
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;
    RETURN QUERY SELECT current_status, found_namespace, found_name, found_version, found_context, found_created,
                        found_correlation, expired, NULL::bigint, NULL::varchar, NULL::integer, NULL::jsonb,
                        NULL::jsonb;
END
$$;

-- Claims up to max_steps ready steps of a task for one attempt each: the step moves to in_progress (through
-- pending when it is a retry of a step in error: both transitions are recorded, the first with the retry's attempt
-- number), its attempt is counted, the claimant and the attempt's start (last_attempted_at, which the attempt's end
-- sets again) are recorded, and the claim holds for lease_seconds unless renewed.
-- Rows another transaction holds are skipped, and the state is checked again after locking, so two claimants never
-- claim the same attempt. The preceding transitions (those of the caller's own state change) are appended with
-- the claim's, in one call. Returns the claimed steps with their inputs and the results of their parents, by parent
-- name.
CREATE OR REPLACE FUNCTION tasker_claim_ready_steps(input_task_id bigint, claimant varchar, max_steps integer,
                                                    lease_seconds numeric,
                                                    preceding tasker_transition[] DEFAULT '{}')
RETURNS TABLE (workflow_step_id bigint, name varchar, attempt integer, inputs jsonb, parent_results jsonb)
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
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
               last_attempted_at = clock_timestamp(),
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

    IF cardinality(preceding) > 0 OR claimed_ids IS NOT NULL THEN
        PERFORM tasker_append_step_transitions(preceding || retries || starts);
    END IF;
    IF claimed_ids IS NULL THEN
        RETURN;
    END IF;

    RETURN QUERY
        SELECT s.workflow_step_id,
               s.name,
               s.attempts,
               s.inputs,
               coalesce((SELECT jsonb_object_agg(parent.name, parent.results)
                           FROM tasker_workflow_step_edges e
                           JOIN tasker_workflow_steps parent ON parent.workflow_step_id = e.from_step_id
                          WHERE e.to_step_id = s.workflow_step_id), '{}'::jsonb)
          FROM tasker_workflow_steps s
         WHERE s.workflow_step_id = ANY (claimed_ids)
         ORDER BY s.workflow_step_id;
END
$$;

-- Renews, for lease_seconds more, the claims of running attempts (steps paired with their attempt numbers) that
-- the claimant still holds; returns how many it renewed.
CREATE OR REPLACE FUNCTION tasker_renew_step_leases(step_ids bigint[], claimed_attempts integer[],
                                                    input_claimant varchar, lease_seconds numeric)
RETURNS integer
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    renewed integer;
BEGIN
    UPDATE tasker_workflow_steps s
       SET lease_expires_at = clock_timestamp() + lease_seconds * interval '1 second'
      FROM unnest(step_ids, claimed_attempts) AS running(step_id, attempt)
     WHERE s.workflow_step_id = running.step_id
       AND s.status = 'in_progress'
       AND s.attempts = running.attempt
       AND s.claimed_by = input_claimant;
    GET DIAGNOSTICS renewed = ROW_COUNT;
    RETURN renewed;
END
$$;

-- Gives back, uncounted, the running attempts of a task that one claimant (one pass) holds: in_progress ->
-- pending (the attempt number goes back down), for any claimant to claim at once. A pass does this when its node
-- stops, when it cannot go on, and when an infrastructure failure left it unsure which claims it made (a commit
-- may succeed though the client saw an error). The claimant's late results are refused: the step's next claim
-- names another claimant. Returns how many it gave back.
CREATE OR REPLACE FUNCTION tasker_release_claims(input_task_id bigint, input_claimant varchar)
RETURNS integer
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $$
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
