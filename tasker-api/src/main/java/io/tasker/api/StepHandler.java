package io.tasker.api;

import java.util.Map;

/**
 * The business logic of one step of a workflow.
 *
 * <p>Implementations are CDI beans (for example {@code @ApplicationScoped}) named by the {@code handler_class} of a
 * step template. The engine may call one instance from many threads at once, so keep handlers stateless.
 *
 * <p>A step runs inside a JTA transaction that also records its completion: database work the handler does through
 * the application's transactional resources commits if and only if the step is recorded as complete. Work outside
 * transactional resources (HTTP calls, e-mails) may be repeated if a node dies after the work and before the commit,
 * so make such calls idempotent.
 */
@FunctionalInterface
public interface StepHandler {

    /**
     * Runs the step.
     *
     * @param context the task's context, this step's configuration and the results of the steps it depends on
     * @return the step's results: a JSON-serialisable map (strings, numbers, booleans, lists, maps, null);
     *     {@code null} is stored as an empty map
     * @throws PermanentException when retrying cannot help; the step fails without further attempts
     * @throws Exception any other failure, retried with back-off while attempts remain
     */
    Map<String, Object> handle(StepContext context) throws Exception;
}
