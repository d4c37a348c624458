package io.tasker.rest;

import io.tasker.api.security.Access;
import io.tasker.api.security.Authorizer;
import io.tasker.api.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Who makes the current request and where its permission reaches, as {@link PermissionCheck} found them: the
 * resources limit what they list, read and change to {@link #access()}, and record {@link #subject()} as the actor.
 */
@RequestScoped
public class RequestCaller {

    @Inject
    private Authorizer authorizer;

    private Caller caller;
    private Access access = Access.nowhere();

    public void admit(Caller caller, Access access) {
        this.caller = caller;
        this.access = access;
    }

    /** Where the request's permission reaches: everywhere when authentication is off. */
    public Access access() {
        return access;
    }

    /**
     * Those of {@code permissions} the caller holds on {@code namespace} (all of them when authentication is off):
     * what an answer offers it to do next there.
     */
    public List<String> permittedIn(String namespace, List<String> permissions) {
        if (caller == null) {
            return permissions;
        }
        return permissions.stream().filter(permission -> authorizer.access(caller, permission).permits(namespace))
                .toList();
    }

    /** The authenticated subject; empty when authentication is off. */
    public Optional<String> subject() {
        return Optional.ofNullable(caller).map(Caller::name);
    }
}
