package io.tasker.readmodel;

import io.tasker.errors.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The reads the API makes, through JPA. Each runs outside any transaction and reads what is committed, without
 * keeping the entities for change tracking: they are only shown, and nothing writes through JPA.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskReader {

    // EclipseLink's hint for results that are not registered for change tracking (other providers ignore it).
    private static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext(unitName = "tasker")
    private EntityManager em;

    /**
     * The task with its steps.
     *
     * @throws NotFoundException when there is no such task
     */
    public Task findTask(long taskId) {
        return em.createNamedQuery(Task.WITH_STEPS, Task.class)
                .setParameter("taskId", taskId)
                .setHint(READ_ONLY, true)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("task " + taskId + " does not exist"));
    }
}
