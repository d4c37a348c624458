package io.tasker.step;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An edge of a task's DAG: {@code fromStep} provides what {@code toStep} needs, so it must finish first. */
@Entity
@Table(name = "tasker_workflow_step_edges")
public class WorkflowStepEdge {

    static final String PROVIDES = "provides";

    @Id
    @SequenceGenerator(name = "workflow_step_edge_ids", sequenceName = "tasker_workflow_step_edges_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workflow_step_edge_ids")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_step_id", updatable = false)
    private WorkflowStep fromStep;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_step_id", updatable = false)
    private WorkflowStep toStep;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected WorkflowStepEdge() {
    }

    WorkflowStepEdge(WorkflowStep fromStep, WorkflowStep toStep, OffsetDateTime now) {
        this.fromStep = fromStep;
        this.toStep = toStep;
        this.name = PROVIDES;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public WorkflowStep fromStep() {
        return fromStep;
    }

    public WorkflowStep toStep() {
        return toStep;
    }
}
