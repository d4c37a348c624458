package io.tasker.readmodel;

import io.tasker.errors.NotFoundException;
import io.tasker.task.TaskState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The reads the API makes, through JPA. Each reads what is committed, without keeping the entities for change
 * tracking: they are only shown, and nothing writes through JPA. Each runs outside any transaction but a list, whose
 * transaction carries its planner setting.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskReader {

    /** The most matching tasks a list counts; above, it says only that there are more. */
    public static final int COUNT_LIMIT = 10_000;

    // EclipseLink's hint for results that are not registered for change tracking (other providers ignore it).
    private static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext(unitName = "tasker")
    private EntityManager em;

    /**
     * The task with its steps and the dependencies between them.
     *
     * @throws NotFoundException when there is no such task
     */
    public TaskDetail findDetail(long taskId) {
        Task task = findTask(taskId);
        // The failures are read only when a step may have failed: most reads are of tasks that went as planned.
        boolean failed = task.steps().stream().anyMatch(WorkflowStep::mayHaveFailed);
        return new TaskDetail(task, failed ? ofTask(StepTransition.FAILURES_OF_TASK, StepTransition.class, taskId)
                : List.of());
    }

    /**
     * Every change of state of the task and of its steps, each list in the order they were made.
     *
     * @throws NotFoundException when there is no such task
     */
    public TaskHistory findHistory(long taskId) {
        Task task = findTask(taskId);
        List<StepTransition> stepTransitions = ofTask(StepTransition.OF_TASK, StepTransition.class, taskId);
        TaskDetail detail = new TaskDetail(task, stepTransitions.stream()
                .filter(transition -> StepError.FAILED.equals(transition.toState()))
                .toList());
        return new TaskHistory(detail, ofTask(TaskTransition.OF_TASK, TaskTransition.class, taskId), stepTransitions);
    }

    /** The namespace of the task's template; empty when there is no such task. */
    public Optional<String> namespaceOf(long taskId) {
        return em.createQuery("SELECT t.namedTask.namespace.name FROM ListedTask t WHERE t.id = :taskId",
                        String.class)
                .setParameter("taskId", taskId)
                .getResultStream()
                .findFirst();
    }

    private <T> List<T> ofTask(String namedQuery, Class<T> type, long taskId) {
        return em.createNamedQuery(namedQuery, type)
                .setParameter("taskId", taskId)
                .setHint(READ_ONLY, true)
                .getResultList();
    }

    private Task findTask(long taskId) {
        return em.createNamedQuery(Task.WITH_STEPS, Task.class)
                .setParameter("taskId", taskId)
                .setHint(READ_ONLY, true)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("task " + taskId + " does not exist"));
    }

    /** A page of the tasks the search matches, in its order, without their steps. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public TaskPage search(TaskSearch search) {
        // A list's filters are ad hoc and task states skewed (most complete, few in error): its queries are planned
        // for the values at hand, not once for any value, which reads a million rows to find no task in error.
        em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        Criteria criteria = new Criteria(cb);
        CriteriaQuery<ListedTask> query = cb.createQuery(ListedTask.class);
        Root<ListedTask> task = query.from(ListedTask.class);
        List<Predicate> where = criteria.matching(task, search.filter());
        search.after().ifPresent(position -> where.add(criteria.after(task, search, position)));
        Path<Long> id = task.get("id");
        Path<Comparable<Object>> sortValue = task.get(search.sortBy().attribute());
        query.select(task).where(where.toArray(Predicate[]::new)).orderBy(search.descending()
                ? List.of(cb.desc(sortValue), cb.desc(id)) : List.of(cb.asc(sortValue), cb.asc(id)));
        List<ListedTask> rows = criteria.bind(em.createQuery(query))
                .setFirstResult(search.offset())
                .setMaxResults(search.limit() + 1)
                .setHint(READ_ONLY, true)
                .getResultList();
        boolean more = rows.size() > search.limit();
        List<ListedTask> tasks = List.copyOf(more ? rows.subList(0, search.limit()) : rows);
        return new TaskPage(tasks, more ? Optional.of(search.sortBy().positionOf(tasks.get(tasks.size() - 1)))
                : Optional.empty(), count(search.filter()));
    }

    // Counts the matching ids up to one past the limit: a bounded read whatever the filter.
    private OptionalLong count(TaskSearch.Filter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        Criteria criteria = new Criteria(cb);
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<ListedTask> task = query.from(ListedTask.class);
        query.select(task.get("id")).where(criteria.matching(task, filter).toArray(Predicate[]::new));
        int matching = criteria.bind(em.createQuery(query)).setMaxResults(COUNT_LIMIT + 1).getResultList().size();
        return matching > COUNT_LIMIT ? OptionalLong.empty() : OptionalLong.of(matching);
    }

    // The predicates of a search, with their values bound as parameters.
    private static final class Criteria {

        private final CriteriaBuilder cb;
        private final Map<ParameterExpression<?>, Object> values = new HashMap<>();

        Criteria(CriteriaBuilder cb) {
            this.cb = cb;
        }

        List<Predicate> matching(Root<ListedTask> task, TaskSearch.Filter filter) {
            List<Predicate> where = new ArrayList<>();
            if (filter.namespace().isPresent() || filter.name().isPresent() || filter.version().isPresent()
                    || filter.within().isPresent()) {
                Path<NamedTask> named = task.get("namedTask");
                Path<String> namespace = named.get("namespace").get("name");
                filter.namespace().ifPresent(v -> where.add(cb.equal(namespace, bound(v))));
                filter.within().ifPresent(v -> where.add(namespace.in(v.stream().map(this::bound)
                        .toArray(Expression[]::new))));
                filter.name().ifPresent(v -> where.add(cb.equal(named.get("name"), bound(v))));
                filter.version().ifPresent(v -> where.add(cb.equal(named.get("version"), bound(v))));
            }
            if (!filter.statuses().isEmpty()) {
                Path<TaskState> status = task.get("status");
                where.add(status.in(filter.statuses().stream().map(this::bound).toArray(Expression[]::new)));
            }
            // jsonb_exists(tags, tag) is PostgreSQL's "tags ? tag": the tag is one of the array's strings.
            filter.tag().ifPresent(v -> where.add(cb.isTrue(
                    cb.function("jsonb_exists", Boolean.class, task.get("tags"), bound(v)))));
            filter.initiator().ifPresent(v -> where.add(cb.equal(task.get("initiator"), bound(v))));
            filter.sourceSystem().ifPresent(v -> where.add(cb.equal(task.get("sourceSystem"), bound(v))));
            Path<OffsetDateTime> createdAt = task.get("createdAt");
            filter.createdAfter().ifPresent(v -> where.add(cb.greaterThan(createdAt, bound(v))));
            filter.createdBefore().ifPresent(v -> where.add(cb.lessThan(createdAt, bound(v))));
            filter.completedAfter().ifPresent(v -> where.add(cb.greaterThan(task.get("completedAt"), bound(v))));
            return where;
        }

        // Past the position in the search's order: a later sort value, or the same one and a later id.
        Predicate after(Root<ListedTask> task, TaskSearch search, TaskSearch.Position position) {
            Path<Long> id = task.get("id");
            Predicate idPast = search.descending() ? cb.lessThan(id, bound(position.taskId()))
                    : cb.greaterThan(id, bound(position.taskId()));
            if (position.value().isEmpty()) {
                return idPast;
            }
            Path<OffsetDateTime> value = task.get(search.sortBy().attribute());
            OffsetDateTime at = position.value().get();
            Predicate valuePast = search.descending() ? cb.lessThan(value, bound(at))
                    : cb.greaterThan(value, bound(at));
            return cb.or(valuePast, cb.and(cb.equal(value, bound(at)), idPast));
        }

        @SuppressWarnings("unchecked")
        private <T> ParameterExpression<T> bound(T value) {
            ParameterExpression<T> parameter = cb.parameter((Class<T>) value.getClass());
            values.put(parameter, value);
            return parameter;
        }

        @SuppressWarnings("unchecked")
        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            values.forEach((parameter, value) -> query.setParameter((ParameterExpression<Object>) parameter, value));
            return query;
        }
    }
}
