package io.tasker.launcher.policy;

import io.tasker.api.security.Access;
import io.tasker.api.security.Authorizer;
import io.tasker.api.security.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

/**
 * A user's own decision, as docs/security.md shows one: everyone may read, nobody may change anything, whatever the
 * token grants. SecurityIT deploys it in a workflow jar of its own to see it replace Tasker's.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class ReadOnlyAuthorizer implements Authorizer {

    @Override
    public Access access(Caller caller, String permission) {
        return permission.endsWith(":index") || permission.endsWith(":show") ? Access.everywhere() : Access.nowhere();
    }
}
