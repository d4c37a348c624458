-- What an operator's lists read: tasks of some states (error, in_progress), or of one template, newest first.
-- Without an index on the state, a list of the few tasks in error read the whole creation-order index back to its
-- first match: 0.6 s with a million finished tasks (the benchmark's list_error figure). The state is already in
-- the predicate of tasks_active_next_pass_idx, so no update that changes it was a heap-only update before this
-- index either: it adds one index entry to such an update, not a lost optimisation.
CREATE INDEX tasks_status_created_idx ON tasker_tasks (status, created_at, task_id);

-- The template's index, ordered as lists are: the same entries, so it costs no more to keep.
DROP INDEX tasks_named_task_idx;
CREATE INDEX tasks_named_task_created_idx ON tasker_tasks (named_task_id, created_at, task_id);
