package io.tasker.api.security;

/**
 * Decides what an authenticated caller may do. Tasker asks it once per request, with the one permission the
 * endpoint needs ({@code tasker.<resource>:<action>}, such as {@code tasker.task:create}; docs/security.md lists
 * them), and applies the answer: a request with no access is refused (403), one limited to namespaces sees and
 * touches only their tasks.
 *
 * <p>Tasker's own decides from the token's {@code permissions}, {@code groups} and {@code namespaces} claims and the
 * roles of {@code tasker.auth.roles}. To decide otherwise (say, by asking a policy service), give the application
 * a CDI bean implementing this interface, annotated {@code @Alternative @Priority(jakarta.interceptor.Interceptor
 * .Priority.APPLICATION)}: it replaces Tasker's. It should deny what it does not know: {@link Access#nowhere()}.
 * It runs on the request's thread, before the endpoint; what it throws fails the request (500), so a policy
 * service that cannot be reached is better answered as {@link Access#nowhere()}.
 */
public interface Authorizer {

    /** Where {@code caller} may use {@code permission}. */
    Access access(Caller caller, String permission);
}
