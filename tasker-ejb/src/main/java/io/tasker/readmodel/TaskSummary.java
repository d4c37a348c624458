package io.tasker.readmodel;

import io.tasker.task.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the read model knows of a task besides its context and steps: all a list of tasks shows, read without the
 * context, which may be large (see {@link Task} for the whole task, {@link ListedTask} for a list's row).
 */
@MappedSuperclass
public abstract class TaskSummary {


    @Id
    @Column(name = "task_id")
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "named_task_id", updatable = false)
    private NamedTask namedTask;

    @Column(nullable = false)
    private TaskState status;

    @Column(nullable = false)
    private boolean complete;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Column(updatable = false)
    private String initiator;

    @Column(name = "source_system", updatable = false)
    private String sourceSystem;

    private String reason;

    @Column(name = "correlation_id", updatable = false)
    private String correlationId;

    @Convert(converter = JsonStringListConverter.class)
    @Column(name = "bypass_steps", nullable = false, updatable = false)
    private List<String> bypassSteps;

    @Convert(converter = JsonStringListConverter.class)
    @Column(nullable = false)
    private List<String> tags;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected TaskSummary() {
    }

    public Long id() {
        return id;
    }

    public NamedTask namedTask() {
        return namedTask;
    }

    public TaskState status() {
        return status;
    }

    public boolean complete() {
        return complete;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }

    public String initiator() {
        return initiator;
    }

    public String sourceSystem() {
        return sourceSystem;
    }

    public String reason() {
        return reason;
    }

    public String correlationId() {
        return correlationId;
    }

    public List<String> bypassSteps() {
        return bypassSteps;
    }

    public List<String> tags() {
        return tags;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
