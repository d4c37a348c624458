package io.tasker.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A change of a task's state. */
@Entity
@Table(name = "tasker_task_transitions")
@NamedQuery(name = TaskTransition.OF_TASK,
        query = "SELECT t FROM TaskTransition t WHERE t.taskId = :taskId ORDER BY t.id")
public class TaskTransition extends Transition {

    static final String OF_TASK = "TaskTransition.ofTask";

    @Column(name = "task_id", nullable = false, updatable = false)
    private long taskId;

    protected TaskTransition() {
    }
}
