-- Events are read from the transitions (docs/events.md). Each transition records the id of the transaction that
-- wrote it: a reader that takes only the transitions of transactions older than the oldest one still running, in
-- the order of those ids, never sees a later commit slip in behind what it has read. Transitions written before
-- this migration get its transaction's id (they count as one old transaction).
ALTER TABLE tasker_task_transitions ADD COLUMN xact_id xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE tasker_workflow_step_transitions ADD COLUMN xact_id xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX task_transitions_xact_idx ON tasker_task_transitions (xact_id, id);
CREATE INDEX step_transitions_xact_idx ON tasker_workflow_step_transitions (xact_id, id);

-- How far each consumer of events (a subscriber, the topic relay) has got: the last transaction it has delivered
-- the events of; and which node delivers to it now.
CREATE TABLE tasker_event_cursors (
    name             varchar(255) PRIMARY KEY,
    xact_id          xid8         NOT NULL,
    leased_by        varchar(255),
    lease_expires_at timestamptz,
    created_at       timestamptz  NOT NULL DEFAULT clock_timestamp(),
    updated_at       timestamptz  NOT NULL DEFAULT clock_timestamp()
);
