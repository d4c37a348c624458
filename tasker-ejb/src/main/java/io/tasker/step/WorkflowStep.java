package io.tasker.step;

import io.tasker.infrastructure.persistence.JsonObjectConverter;
import io.tasker.task.Task;
import io.tasker.template.StepTemplate;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One step of one task. Created pending with its template's retry settings; from then on the orchestration
 * functions of the schema move it through its states (claim, complete, fail), each change with its transition.
 */
@Entity
@Table(name = "tasker_workflow_steps")
public class WorkflowStep {

    @Id
    @SequenceGenerator(name = "workflow_step_ids", sequenceName = "tasker_workflow_steps_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workflow_step_ids")
    @Column(name = "workflow_step_id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", updatable = false)
    private Task task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "named_step_id", updatable = false)
    private NamedStep namedStep;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false)
    private StepState status;

    @Column(nullable = false)
    private boolean retryable;

    @Column(name = "retry_limit", nullable = false)
    private int retryLimit;

    @Column(nullable = false)
    private boolean skippable;

    @Column(name = "in_process", nullable = false)
    private boolean inProcess;

    @Column(nullable = false)
    private boolean processed;

    @Column(name = "processed_at")
    private OffsetDateTime processedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_attempted_at")
    private OffsetDateTime lastAttemptedAt;

    @Column(name = "backoff_request_seconds")
    private BigDecimal backoffRequestSeconds;

    @Convert(converter = JsonObjectConverter.class)
    @Column(nullable = false)
    private Map<String, Object> results;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "toStep", cascade = CascadeType.PERSIST)
    private List<WorkflowStepEdge> incomingEdges = new ArrayList<>();

    protected WorkflowStep() {
    }

    /**
     * A new step of {@code task}, configured from its template: pending, or resolved without running when the
     * request bypasses it.
     */
    public WorkflowStep(Task task, NamedStep namedStep, StepTemplate template, boolean bypassed, OffsetDateTime now) {
        if (bypassed && !template.skippable()) {
            throw new IllegalArgumentException("step " + template.name() + " is not skippable");
        }
        this.task = task;
        this.namedStep = namedStep;
        this.name = template.name();
        this.status = bypassed ? StepState.RESOLVED_MANUALLY : StepState.PENDING;
        this.retryable = template.retryable();
        this.retryLimit = template.retryLimit();
        this.skippable = template.skippable();
        this.results = Map.of();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Makes this step wait for {@code parent}. */
    public void dependOn(WorkflowStep parent, OffsetDateTime now) {
        incomingEdges.add(new WorkflowStepEdge(parent, this, now));
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public StepState status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    public int retryLimit() {
        return retryLimit;
    }

    public boolean skippable() {
        return skippable;
    }

    public boolean inProcess() {
        return inProcess;
    }

    public boolean processed() {
        return processed;
    }

    public OffsetDateTime processedAt() {
        return processedAt;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime lastAttemptedAt() {
        return lastAttemptedAt;
    }

    public BigDecimal backoffRequestSeconds() {
        return backoffRequestSeconds;
    }

    public Map<String, Object> results() {
        return results;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    /** Ids of the steps this one waits for. */
    public List<Long> parentIds() {
        return incomingEdges.stream().map(edge -> edge.fromStep().id()).toList();
    }
}
