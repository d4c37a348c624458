-- PL/pgSQL keeps each statement's plan for the connection, but by default (plan_cache_mode = auto) it plans a
-- statement again for every call while a plan made for the call's values looks cheaper than the kept generic
-- one. It always does for statements over an array argument: for the array of the call the planner knows how many
-- elements it has, for the generic plan it guesses ten. So the demotion of a step's current transition
-- (tasker_append_step_transitions) and the read of the claimed steps' parent results (tasker_claim_ready_steps)
-- were planned at every step: planning was a fifth of PostgreSQL's CPU during a run of linear workflows, and
-- half of each of those statements' time (pg_stat_statements with track_planning: 10,000 plans of the demotion
-- for 10,000 calls, 0.22 ms planning for 0.22 ms executing).
--
-- Every PL/pgSQL function now uses the generic plan from the start. The plans stay on the task's own rows: the
-- per-step statements cannot use a partial index (V7), and the functions that read more than a row or two plan
-- with nested loops over index scans only (V4).

ALTER FUNCTION get_task_execution_context(bigint) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_append_step_transitions(tasker_transition[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_record_task_creation(bigint) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_schedule_task_pass(bigint, numeric) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_transition_task(bigint, varchar[], varchar, jsonb) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_claim_ready_steps(bigint, varchar, integer, numeric) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_complete_step(bigint, integer, jsonb) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_fail_step(bigint, integer, jsonb, boolean, numeric, boolean)
    SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_expire_leases(bigint[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_expire_task_leases(bigint) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_release_claims(bigint, varchar) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_cancel_task(bigint, jsonb) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_create_task(integer, jsonb, jsonb, varchar, varchar, varchar, jsonb, jsonb, varchar, varchar)
    SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_complete_step_and_claim(bigint, bigint, integer, jsonb, varchar, integer, numeric)
    SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION tasker_start_pass(bigint, varchar, integer, numeric) SET plan_cache_mode = force_generic_plan;
