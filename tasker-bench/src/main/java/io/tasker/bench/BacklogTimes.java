package io.tasker.bench;

import java.time.Instant;
import java.util.List;

/**
 * When one workflow of a backlog was accepted, when each of its steps ran, and when it completed, by the machine's
 * clock (the database's and the benchmark's are the same).
 *
 * @param steps the steps in the order the workflow runs them (W1 is linear: each waits for the one before)
 */
record BacklogTimes(Instant accepted, Instant completed, List<StepSpan> steps) {

    /** One step's last attempt: from its claim (Tasker) or pick (db-scheduler) to its recorded end. */
    record StepSpan(Instant started, Instant ended) {
    }
}
