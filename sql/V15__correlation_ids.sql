-- A task keeps the correlation id of the request that created it (X-Correlation-ID, or the JMS property
-- correlation_id, or one generated), so every node's log lines about it can carry it. Tasks created before have
-- none. tasker_create_task takes it and tasker_start_pass returns it: their old definitions are dropped here and the
-- repeatable migrations (R__task_creation.sql, R__step_claims.sql) create the new ones.
ALTER TABLE tasker_tasks ADD COLUMN correlation_id varchar(128);
DROP FUNCTION IF EXISTS tasker_create_task(integer, jsonb, jsonb, varchar, varchar, varchar, jsonb, jsonb, varchar,
                                           varchar);
DROP FUNCTION IF EXISTS tasker_start_pass(bigint, varchar, integer, numeric);
