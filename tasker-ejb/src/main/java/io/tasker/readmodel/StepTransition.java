package io.tasker.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A change of a step's state. */
@Entity
@Table(name = "tasker_workflow_step_transitions")
@NamedQuery(name = StepTransition.OF_TASK, query = "SELECT t FROM StepTransition t WHERE t.stepId IN "
        + "(SELECT s.id FROM WorkflowStep s WHERE s.task.id = :taskId) ORDER BY t.id")
@NamedQuery(name = StepTransition.FAILURES_OF_TASK, query = "SELECT t FROM StepTransition t "
        + "WHERE t.toState = 'error' AND t.stepId IN (SELECT s.id FROM WorkflowStep s WHERE s.task.id = :taskId) "
        + "ORDER BY t.id")
public class StepTransition extends Transition {

    static final String OF_TASK = "StepTransition.ofTask";
    static final String FAILURES_OF_TASK = "StepTransition.failuresOfTask";

    @Column(name = "workflow_step_id", nullable = false, updatable = false)
    private long stepId;

    protected StepTransition() {
    }

    public long stepId() {
        return stepId;
    }
}
