-- Six transitions per transaction, into the table pgbench -D table=... names.
\set step random(1, 4000000000000000000)
BEGIN;
INSERT INTO :table (workflow_step_id, from_state, to_state, metadata, sort_key, most_recent)
    VALUES (:step, 'pending', 'in_progress', '{"attempt": 1, "claimed_by": "node-1"}', 1, false);
INSERT INTO :table (workflow_step_id, from_state, to_state, metadata, sort_key, most_recent)
    VALUES (:step, 'pending', 'in_progress', '{"attempt": 1, "claimed_by": "node-1"}', 2, false);
INSERT INTO :table (workflow_step_id, from_state, to_state, metadata, sort_key, most_recent)
    VALUES (:step, 'pending', 'in_progress', '{"attempt": 1, "claimed_by": "node-1"}', 3, false);
INSERT INTO :table (workflow_step_id, from_state, to_state, metadata, sort_key, most_recent)
    VALUES (:step, 'pending', 'in_progress', '{"attempt": 1, "claimed_by": "node-1"}', 4, false);
INSERT INTO :table (workflow_step_id, from_state, to_state, metadata, sort_key, most_recent)
    VALUES (:step, 'pending', 'in_progress', '{"attempt": 1, "claimed_by": "node-1"}', 5, false);
INSERT INTO :table (workflow_step_id, from_state, to_state, metadata, sort_key, most_recent)
    VALUES (:step, 'pending', 'in_progress', '{"attempt": 1, "claimed_by": "node-1"}', 6, false);
COMMIT;
