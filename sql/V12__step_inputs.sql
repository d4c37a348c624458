-- A step's inputs: a JSON object its handler reads beside the task's context (empty unless an operator retrying the
-- step gave new ones). The functions that hand claimed steps to their handlers now return them, and an operator's
-- retry takes them: their signatures change, so they are dropped here and created again by their repeatable
-- migrations (R__step_claims.sql, R__step_outcomes.sql, R__operator_actions.sql). On a new database they do not
-- exist yet at this point (V10 dropped their first versions; the repeatable migrations run after this one).
ALTER TABLE tasker_workflow_steps
    ADD COLUMN inputs jsonb NOT NULL DEFAULT '{}';

DROP FUNCTION IF EXISTS tasker_start_pass(bigint, varchar, integer, numeric);
DROP FUNCTION IF EXISTS tasker_claim_ready_steps(bigint, varchar, integer, numeric, tasker_transition[]);
DROP FUNCTION IF EXISTS tasker_complete_step_and_claim(bigint, bigint, integer, jsonb, varchar, integer, numeric);
DROP FUNCTION IF EXISTS tasker_retry_steps(bigint, bigint, jsonb);
