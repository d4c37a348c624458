-- An operator's retry gives a step a fresh attempt budget and lets its failures be retried again, as its template
-- said when the task was created: the step keeps those two values beside the ones its run changes (a permanent
-- failure clears retryable). Steps created before this migration have them null; the retry then uses the step's
-- current values.
ALTER TABLE tasker_workflow_steps
    ADD COLUMN template_retry_limit integer,
    ADD COLUMN template_retryable   boolean;
