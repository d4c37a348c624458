package io.tasker.rest;

import io.tasker.api.security.Access;
import io.tasker.api.security.Authorizer;
import io.tasker.api.security.Caller;
import io.tasker.config.TaskerSettings;
import io.tasker.errors.Problem;
import io.tasker.errors.ProblemKind;
import io.tasker.security.Callers;
import io.tasker.telemetry.LogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Guards every endpoint with the permission it declares ({@link RequiresPermission}): with authentication on, a
 * request without a valid token is refused with 401 (MicroProfile JWT has already refused one whose token is
 * invalid or expired), one whose caller the {@link Authorizer} gives no access with 403, logged with the subject, the
 * permission and the correlation id. An admitted request's caller and access are kept in {@link RequestCaller}. An
 * endpoint that declares no permission, or one Tasker does not have, is never served.
 */
@Provider
@ApplicationScoped
public class PermissionCheck implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(PermissionCheck.class.getName());
    private static final String JAX_RS_RUNTIME = "org.glassfish.jersey.";

    @Inject
    private TaskerSettings settings;

    @Inject
    private Authorizer authorizer;

    @Inject
    private RequestCaller requestCaller;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        // What the JAX-RS runtime adds itself (answers to OPTIONS) serves no data; every other resource, the
        // application's own in a workflow jar included, is guarded.
        if (method == null || method.getDeclaringClass().getPackageName().startsWith(JAX_RS_RUNTIME)) {
            return;
        }
        Optional<String> mistake = PermissionDeclarations.mistake(method);
        if (mistake.isPresent()) {
            LOG.severe(() -> "TASKER-AUTH-003 " + mistake.get() + ": its requests are refused");
            context.register(new Guard(Optional.empty(), false), Priorities.AUTHORIZATION);
            return;
        }
        RequiresPermission declared = method.getAnnotation(RequiresPermission.class);
        context.register(new Guard(Optional.of(declared.value()), declared.global()), Priorities.AUTHORIZATION);
    }

    /** The check of one endpoint. */
    private final class Guard implements ContainerRequestFilter {

        private final Optional<String> permission;
        private final boolean global;

        Guard(Optional<String> permission, boolean global) {
            this.permission = permission;
            this.global = global;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (permission.isEmpty()) {
                request.abortWith(ProblemMappers.respond(Problem.of(ProblemKind.FORBIDDEN,
                        "This endpoint declares no permission, so nobody may use it", List.of())));
                return;
            }
            if (!settings.authEnabled()) {
                requestCaller.admit(null, Access.everywhere());
                return;
            }
            if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
                request.abortWith(unauthenticated("This endpoint needs a bearer token (a MicroProfile JWT) in the "
                        + "Authorization header"));
                return;
            }
            Caller caller;
            try {
                caller = caller(token);
            } catch (IllegalArgumentException namesNobody) {
                request.abortWith(unauthenticated(namesNobody.getMessage()));
                return;
            }
            Access access = authorizer.access(caller, permission.get());
            if (!access.granted() || (global && access.namespaces().isPresent())) {
                LOG.warning(() -> "TASKER-AUTH-002 denied " + permission.get() + " to " + caller.name() + " ("
                        + request.getMethod() + " " + request.getUriInfo().getPath() + ", correlation id "
                        + LogContext.current().correlationId() + ")");
                request.abortWith(ProblemMappers.respond(Problem.of(ProblemKind.FORBIDDEN, permission.get()
                        + " is not granted to " + caller.name() + (access.granted() ? " in every namespace, which this "
                        + "answer spans" : ""), List.of())));
                return;
            }
            requestCaller.admit(caller, access);
        }
    }

    private static Response unauthenticated(String detail) {
        return Response.fromResponse(ProblemMappers.respond(Problem.of(ProblemKind.UNAUTHENTICATED, detail,
                List.of()))).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Caller caller(JsonWebToken token) {
        Map<String, Object> claims = new HashMap<>();
        token.getClaimNames().forEach(name -> claims.put(name, token.getClaim(name)));
        return Callers.of(claims);
    }
}
