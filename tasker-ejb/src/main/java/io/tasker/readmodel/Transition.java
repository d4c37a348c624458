package io.tasker.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A change of state, in the read model: the schema's functions write one with each change of a task or a step, in
 * the change's transaction.
 */
@MappedSuperclass
public abstract class Transition {

    @Id
    private Long id;

    @Column(name = "from_state", updatable = false)
    private String fromState;

    @Column(name = "to_state", nullable = false, updatable = false)
    private String toState;

    @Convert(converter = JsonObjectConverter.class)
    @Column(nullable = false, updatable = false)
    private Map<String, Object> metadata;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Transition() {
    }

    public long id() {
        return id;
    }

    /** Absent for the first state. */
    public String fromState() {
        return fromState;
    }

    public String toState() {
        return toState;
    }

    /** Why: the actor and reason of an operator's change, the error of a failure, and so on. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
