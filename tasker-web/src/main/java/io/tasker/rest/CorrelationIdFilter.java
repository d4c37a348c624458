package io.tasker.rest;

import io.tasker.errors.Problem;
import io.tasker.errors.TaskerException;
import io.tasker.telemetry.CorrelationIds;
import io.tasker.telemetry.LogContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every request a correlation id: the one in its {@code X-Correlation-ID} header (refused with 400 when it
 * is not a valid one), else a new one. The engine's log lines carry it while the request is served, a task created
 * by the request keeps it, and the response returns it in the same header.
 */
@Provider
@PreMatching
// Before the other filters, so a request they refuse is answered with its correlation id too.
@Priority(Priorities.HEADER_DECORATOR)
@ApplicationScoped
public class CorrelationIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String SCOPE = CorrelationIdFilter.class.getName() + ".scope";
    private static final String ID = CorrelationIdFilter.class.getName() + ".id";

    @Override
    public void filter(ContainerRequestContext request) {
        String id;
        try {
            id = CorrelationIds.acceptOrGenerate(request.getHeaderString(CorrelationIds.HEADER),
                    CorrelationIds.HEADER);
        } catch (TaskerException invalid) {
            request.abortWith(ProblemMappers.respond(Problem.of(invalid)));
            return;
        }
        request.setProperty(ID, id);
        request.setProperty(SCOPE, LogContext.correlation(id));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ID) instanceof String id) {
            response.getHeaders().putSingle(CorrelationIds.HEADER, id);
        }
        if (request.getProperty(SCOPE) instanceof LogContext.Scope scope) {
            scope.close();
        }
    }
}
