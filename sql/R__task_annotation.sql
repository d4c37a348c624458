-- Annotation: an operator changes what a task says about itself (its reason and tags); its state is untouched, so no
-- transition is written. (Settings: see sql/README.md.)

-- Sets the task's reason when set_reason (a null reason clears it) and its tags when new_tags is not null. Returns
-- whether there is such a task.
CREATE OR REPLACE FUNCTION tasker_annotate_task(input_task_id bigint, set_reason boolean, new_reason varchar,
                                                new_tags jsonb)
RETURNS boolean
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    UPDATE tasker_tasks
       SET reason = CASE WHEN set_reason THEN new_reason ELSE reason END,
           tags = COALESCE(new_tags, tags),
           updated_at = clock_timestamp()
     WHERE task_id = input_task_id;
    RETURN FOUND;
END
$$;
