package io.tasker.readmodel;

import io.tasker.task.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A run of a task template, in the read model: JPA reads it, the schema's functions write it
 * ({@code tasker_create_task} creates it pending with its steps; passes, the finalizer and cancellation move it
 * through its states, each change with its transition).
 */
@Entity
@Table(name = "tasker_tasks")
// A fetch join fills the collection in the order of the rows it reads, ignoring @OrderBy: the query orders them.
// The steps' parents come in the same query.
@NamedQuery(name = Task.WITH_STEPS, query = "SELECT t FROM Task t LEFT JOIN FETCH t.steps s "
        + "LEFT JOIN FETCH s.parentIds WHERE t.id = :taskId ORDER BY s.id")
public class Task {

    static final String WITH_STEPS = "Task.withSteps";

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

    @Convert(converter = JsonStringListConverter.class)
    @Column(name = "bypass_steps", nullable = false, updatable = false)
    private List<String> bypassSteps;

    @Convert(converter = JsonStringListConverter.class)
    @Column(nullable = false)
    private List<String> tags;

    @Convert(converter = JsonObjectConverter.class)
    @Column(nullable = false, updatable = false)
    private Map<String, Object> context;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "task")
    @OrderBy("id")
    private List<WorkflowStep> steps = new ArrayList<>();

    protected Task() {
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

    public List<String> bypassSteps() {
        return bypassSteps;
    }

    public List<String> tags() {
        return tags;
    }

    public Map<String, Object> context() {
        return context;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    /** The task's steps in the order they were created, which is their template's. */
    public List<WorkflowStep> steps() {
        return Collections.unmodifiableList(steps);
    }
}
