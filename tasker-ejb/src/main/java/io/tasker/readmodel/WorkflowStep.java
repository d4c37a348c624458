package io.tasker.readmodel;

import io.tasker.step.StepState;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One step of one task, in the read model: JPA reads it, the schema's functions write it ({@code tasker_create_task}
 * creates it pending with its template's retry settings; claims, completions, failures and cancellation move it
 * through its states, each change with its transition).
 */
@Entity
@Table(name = "tasker_workflow_steps")
public class WorkflowStep {

    @Id
    @Column(name = "workflow_step_id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", updatable = false)
    private Task task;

    // The steps this one runs after: the edges that end at it.
    @ElementCollection
    @CollectionTable(name = "tasker_workflow_step_edges", joinColumns = @JoinColumn(name = "to_step_id"))
    @Column(name = "from_step_id")
    private Set<Long> parentIds = new HashSet<>();

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

    @Convert(converter = JsonObjectConverter.class)
    @Column(nullable = false)
    private Map<String, Object> inputs;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected WorkflowStep() {
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

    /** The ids of the steps this one runs after. */
    public Set<Long> parentIds() {
        return Collections.unmodifiableSet(parentIds);
    }

    /**
     * Whether the step may have failed: it made more than one attempt, or it was attempted and is neither complete
     * nor running its first attempt (it is in error, pending again after an operator's retry, cancelled or resolved
     * by hand). A step that completed on its first counted attempt did not fail (but for a failure of the
     * infrastructure, which does not count). Reads of a running task, polled often, skip the failures' query.
     */
    boolean mayHaveFailed() {
        return attempts > 1 || (lastAttemptedAt != null && status != StepState.COMPLETE
                && status != StepState.IN_PROGRESS);
    }

    /**
     * While the step waits on its back-off (in error, retryable, attempts left): when it becomes due, as
     * {@code get_step_readiness_status} computes it (its last attempt plus the back-off).
     */
    public Optional<OffsetDateTime> nextAttemptAt() {
        boolean waiting = status == StepState.ERROR && retryable && attempts < retryLimit
                && backoffRequestSeconds != null && lastAttemptedAt != null;
        return waiting ? Optional.of(lastAttemptedAt.plusNanos(backoffRequestSeconds.movePointRight(9).longValue()))
                : Optional.empty();
    }

    public Map<String, Object> results() {
        return results;
    }

    /** What its handler reads beside the task's context: empty unless an operator gave new inputs. */
    public Map<String, Object> inputs() {
        return inputs;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
