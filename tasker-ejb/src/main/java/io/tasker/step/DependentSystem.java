package io.tasker.step;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An external system that steps talk to; definitions are written once at boot and never change. */
@Entity
@Cacheable
@Table(name = "tasker_dependent_systems")
public class DependentSystem {

    @Id
    @Column(name = "dependent_system_id")
    private Integer id;

    @Column(nullable = false, updatable = false)
    private String name;

    protected DependentSystem() {
    }

    public Integer id() {
        return id;
    }

    public String name() {
        return name;
    }
}
