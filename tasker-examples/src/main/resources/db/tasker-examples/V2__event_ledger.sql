-- The events the example subscriber (EventLedger) received, one row per event: its id is the key, so an event
-- delivered again (a node died mid-delivery) is recorded once.
CREATE TABLE tasker_examples_events (
    event_id    varchar(64)  PRIMARY KEY,
    name        varchar(128) NOT NULL,
    task_id     bigint       NOT NULL,
    step_name   varchar(128),
    attempt     integer,
    from_state  varchar(32),
    to_state    varchar(32),
    data        jsonb        NOT NULL,
    occurred_at timestamptz  NOT NULL,
    received_at timestamptz  NOT NULL DEFAULT clock_timestamp(),
    received_seq bigint      GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX examples_events_task_idx ON tasker_examples_events (task_id, received_seq);
