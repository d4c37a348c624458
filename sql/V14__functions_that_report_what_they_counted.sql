-- These functions now also return what a node counts in its metrics: the steps whose expired claims they ended,
-- and the creation time of the task a pass starts over. A function's result type cannot be replaced in place, so
-- the old definitions are dropped here and the repeatable migrations (R__recovery.sql, R__step_claims.sql) create
-- the new ones. On a new database they do not exist yet.
DROP FUNCTION IF EXISTS tasker_start_pass(bigint, varchar, integer, numeric);
DROP FUNCTION IF EXISTS tasker_expire_stale_leases(integer);
DROP FUNCTION IF EXISTS tasker_expire_task_leases(bigint);
DROP FUNCTION IF EXISTS tasker_expire_leases(bigint[]);
