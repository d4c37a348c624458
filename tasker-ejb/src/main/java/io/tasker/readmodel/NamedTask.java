package io.tasker.readmodel;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A task definition: namespace, name and version of a template. Written once at boot, never changed. */
@Entity
@Cacheable
@Table(name = "tasker_named_tasks")
public class NamedTask {

    @Id
    @Column(name = "named_task_id")
    private Integer id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "task_namespace_id", updatable = false)
    private TaskNamespace namespace;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private String version;

    protected NamedTask() {
    }

    public String namespace() {
        return namespace.name();
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** {@code namespace.name@version}. */
    public String fullName() {
        return namespace() + "." + name + "@" + version;
    }
}
