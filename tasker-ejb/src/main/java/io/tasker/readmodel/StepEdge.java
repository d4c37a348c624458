package io.tasker.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A dependency between two steps of a task, in the read model: the step {@code to} runs after {@code from}. */
@Entity
@Table(name = "tasker_workflow_step_edges")
@NamedQuery(name = StepEdge.OF_TASK, query = "SELECT e FROM StepEdge e WHERE e.toStepId IN "
        + "(SELECT s.id FROM WorkflowStep s WHERE s.task.id = :taskId)")
public class StepEdge {

    static final String OF_TASK = "StepEdge.ofTask";

    @Id
    private Long id;

    @Column(name = "from_step_id", nullable = false, updatable = false)
    private long fromStepId;

    @Column(name = "to_step_id", nullable = false, updatable = false)
    private long toStepId;

    protected StepEdge() {
    }

    public long fromStepId() {
        return fromStepId;
    }

    public long toStepId() {
        return toStepId;
    }
}
