-- The current transition of a task or a step is the one with the highest sort key. The most_recent flag that also
-- marked it cost an update of the previous transition at every change, written into every index of the table (a
-- column of a partial index's predicate never updates in place), in the hottest transactions there are: a step's
-- claim and its completion. The functions of R__transitions.sql and R__task_creation.sql no longer write it.
DROP INDEX task_transitions_most_recent_unique;
DROP INDEX step_transitions_most_recent_unique;
ALTER TABLE tasker_task_transitions DROP COLUMN most_recent;
ALTER TABLE tasker_workflow_step_transitions DROP COLUMN most_recent;
