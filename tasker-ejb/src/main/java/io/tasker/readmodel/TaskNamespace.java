package io.tasker.readmodel;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A namespace grouping task definitions, e.g. by team. Written once at boot, never changed. */
@Entity
@Cacheable
@Table(name = "tasker_task_namespaces")
public class TaskNamespace {

    @Id
    @Column(name = "task_namespace_id")
    private Integer id;

    @Column(nullable = false, updatable = false)
    private String name;

    protected TaskNamespace() {
    }

    public String name() {
        return name;
    }
}
