-- From here on every function of the schema is defined in a repeatable migration (sql/R__*.sql, one file per
-- family), which Flyway applies after the versioned ones and again whenever the file changes, so the file is the
-- definition that runs, with all its settings. The functions of V1 to V9 are dropped here and created again by
-- those files; tables, indexes, sequences and the tasker_transition type stay in versioned migrations.
--
-- A function whose signature changes later is dropped by a new versioned migration (CREATE OR REPLACE cannot
-- change a signature), then created by its repeatable migration.

DROP FUNCTION get_task_execution_context(bigint);
DROP FUNCTION get_step_readiness_status(bigint);
DROP FUNCTION tasker_append_step_transitions(tasker_transition[]);
DROP FUNCTION tasker_record_task_creation(bigint);
DROP FUNCTION tasker_schedule_task_pass(bigint, numeric);
DROP FUNCTION tasker_transition_task(bigint, varchar[], varchar, jsonb);
DROP FUNCTION tasker_claim_ready_steps(bigint, varchar, integer, numeric, tasker_transition[]);
DROP FUNCTION tasker_fail_step(bigint, integer, jsonb, boolean, numeric, boolean);
DROP FUNCTION tasker_renew_step_leases(bigint[], integer[], numeric);
DROP FUNCTION tasker_expire_leases(bigint[]);
DROP FUNCTION tasker_expire_task_leases(bigint);
DROP FUNCTION tasker_release_claims(bigint, varchar);
DROP FUNCTION tasker_cancel_task(bigint, jsonb);
DROP FUNCTION tasker_claim_forgotten_tasks(numeric, integer);
DROP FUNCTION tasker_expire_stale_leases(integer);
DROP FUNCTION tasker_create_task(integer, jsonb, jsonb, varchar, varchar, varchar, jsonb, jsonb, varchar, varchar);
DROP FUNCTION tasker_complete_step_and_claim(bigint, bigint, integer, jsonb, varchar, integer, numeric);
DROP FUNCTION tasker_start_pass(bigint, varchar, integer, numeric);
