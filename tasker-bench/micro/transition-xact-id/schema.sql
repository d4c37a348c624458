-- A copy of the step transitions table of sql/V1__tasker_schema.sql, without its foreign key.
DROP TABLE IF EXISTS t_without, t_with;
CREATE TABLE t_without (
    id               bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workflow_step_id bigint       NOT NULL,
    from_state       varchar(32),
    to_state         varchar(32)  NOT NULL,
    metadata         jsonb        NOT NULL DEFAULT '{}',
    sort_key         integer      NOT NULL,
    most_recent      boolean      NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (workflow_step_id, sort_key));
CREATE UNIQUE INDEX ON t_without (workflow_step_id) WHERE most_recent;
-- The same with the column and index events added to every transition (sql/V17__event_positions.sql).
CREATE TABLE t_with (LIKE t_without INCLUDING ALL);
ALTER TABLE t_with ADD COLUMN xact_id xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX ON t_with (xact_id, id);
