-- The tables of the benchmark's peer, db-scheduler, in a schema of their own in the benchmark's database: the
-- scheduler's table (as db-scheduler 16 documents it for PostgreSQL), and what its workflows record: each
-- workflow's creation and completion, each step's result with when its attempt started and ended, and the joins
-- that wait for several parents.
DROP SCHEMA IF EXISTS db_scheduler_peer CASCADE;
CREATE SCHEMA db_scheduler_peer;
SET search_path TO db_scheduler_peer;

CREATE TABLE scheduled_tasks (
    task_name            text        NOT NULL,
    task_instance        text        NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

CREATE TABLE workflows (
    workflow_id  bigserial PRIMARY KEY,
    run          integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    completed_at timestamptz
);
CREATE INDEX workflows_run_idx ON workflows (run);

CREATE TABLE step_results (
    workflow_id bigint      NOT NULL,
    step        text        NOT NULL,
    attempt     integer     NOT NULL,
    results     jsonb       NOT NULL,
    started_at  timestamptz NOT NULL,
    done_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (workflow_id, step)
);

CREATE TABLE joins (
    workflow_id bigint  NOT NULL,
    step        text    NOT NULL,
    waiting_for integer NOT NULL,
    PRIMARY KEY (workflow_id, step)
);
