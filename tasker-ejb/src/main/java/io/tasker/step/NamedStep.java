package io.tasker.step;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A step definition: a step name within a dependent system. Written once at boot, never changed. */
@Entity
@Cacheable
@Table(name = "tasker_named_steps")
public class NamedStep {

    @Id
    @Column(name = "named_step_id")
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dependent_system_id", updatable = false)
    private DependentSystem dependentSystem;

    @Column(nullable = false, updatable = false)
    private String name;

    protected NamedStep() {
    }

    public Integer id() {
        return id;
    }

    public String name() {
        return name;
    }

    public DependentSystem dependentSystem() {
        return dependentSystem;
    }
}
