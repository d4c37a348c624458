-- One transition per transaction, into the table pgbench -D table=... names.
\set step random(1, 4000000000000000000)
INSERT INTO :table (workflow_step_id, from_state, to_state, metadata, sort_key, most_recent)
    VALUES (:step, 'pending', 'in_progress', '{"attempt": 1, "claimed_by": "node-1"}', 1, false);
