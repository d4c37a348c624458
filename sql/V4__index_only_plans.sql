-- The orchestration functions work on one task's few rows. PostgreSQL plans their statements once per connection
-- (generic plans), from the statistics of that moment: on a young database, or one that grew since the last
-- ANALYZE, it judged the tables tiny and hash-joined every readiness check against a scan of all steps or all
-- edges (a W1 benchmark run read 991 million rows through 344,000 sequential scans). These functions therefore
-- plan with nested loops over index scans only, the plan whose cost does not grow with the history.
-- get_step_readiness_status is left without settings on purpose: a SQL function with settings is not inlined into
-- its caller and is planned again on every call; it is planned with the settings of the functions that read it.
-- get_task_execution_context pays that planning (once per pass) for a plan that stays on the indexes.

ALTER FUNCTION get_task_execution_context(bigint)
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off;
ALTER FUNCTION tasker_append_step_transitions(tasker_transition[])
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off;
ALTER FUNCTION tasker_claim_ready_steps(bigint, varchar, integer, numeric)
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off;
ALTER FUNCTION tasker_expire_leases(bigint[])
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off;
ALTER FUNCTION tasker_release_claims(bigint, varchar)
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off;
ALTER FUNCTION tasker_cancel_task(bigint, jsonb)
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off;
ALTER FUNCTION tasker_claim_forgotten_tasks(numeric, integer)
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off;
