-- What the example handlers did, one row per attempt that ran to its end: written by the handler itself, so tests
-- can check that each step succeeded exactly once and was attempted as often as scripted.
CREATE TABLE tasker_examples_ledger (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id     bigint       NOT NULL,
    step_name   varchar(128) NOT NULL,
    attempt     integer      NOT NULL,
    outcome     varchar(16)  NOT NULL CHECK (outcome IN ('success', 'failure')),
    recorded_at timestamptz  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX examples_ledger_task_idx ON tasker_examples_ledger (task_id, step_name);
