package io.tasker.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
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
public class Task extends TaskSummary {

    static final String WITH_STEPS = "Task.withSteps";

    @Convert(converter = JsonObjectConverter.class)
    @Column(nullable = false, updatable = false)
    private Map<String, Object> context;

    @OneToMany(mappedBy = "task")
    @OrderBy("id")
    private List<WorkflowStep> steps = new ArrayList<>();

    protected Task() {
    }

    public Map<String, Object> context() {
        return context;
    }

    /** The task's steps in the order they were created, which is their template's. */
    public List<WorkflowStep> steps() {
        return Collections.unmodifiableList(steps);
    }
}
