-- The custom events handlers publish (docs/events.md): written in the step's transaction, so they are published
-- exactly when the attempt's completion commits; read by the event relay in the order of their transactions' ids,
-- as the transitions are (V17).
CREATE TABLE tasker_custom_events (
    id               bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xact_id          xid8         NOT NULL DEFAULT pg_current_xact_id(),
    task_id          bigint       NOT NULL REFERENCES tasker_tasks,
    workflow_step_id bigint       NOT NULL REFERENCES tasker_workflow_steps,
    attempt          integer      NOT NULL,
    name             varchar(128) NOT NULL,
    payload          jsonb        NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX custom_events_xact_idx ON tasker_custom_events (xact_id, id);
