package io.tasker.security;

import io.tasker.api.security.Access;
import io.tasker.api.security.Authorizer;
import io.tasker.api.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tasker's own {@link Authorizer}: a caller may do what the grants of its token's {@code permissions} claim and of
 * its {@code groups}' roles ({@code tasker.auth.roles}) allow, in the namespaces they name, and never beyond its
 * {@code namespaces} claim. Nothing else is allowed. A grant in a token that names no permission of Tasker's (one
 * for another application, say) grants nothing.
 */
@ApplicationScoped
public class ClaimsAuthorizer implements Authorizer {

    @Inject
    private RoleMapping roles;

    @Override
    public Access access(Caller caller, String permission) {
        return access(grants(caller), permission, caller.namespaces());
    }

    private Stream<Grant> grants(Caller caller) {
        Stream<Grant> claimed = caller.permissions().stream().flatMap(ClaimsAuthorizer::grantOrNothing);
        return Stream.concat(claimed, roles.grantsOf(caller.groups()).stream());
    }

    /** Where the grants allow {@code permission}, within {@code namespaces} when given. */
    static Access access(Stream<Grant> grants, String permission, Optional<Set<String>> namespaces) {
        List<Grant> covering = grants.filter(grant -> grant.covers(permission)).toList();
        Access granted;
        if (covering.stream().anyMatch(grant -> grant.namespace().isEmpty())) {
            granted = Access.everywhere();
        } else {
            Set<String> granting = new HashSet<>();
            covering.forEach(grant -> granting.add(grant.namespace().orElseThrow()));
            granted = Access.in(granting);
        }
        return namespaces.map(Access::in).map(granted::and).orElse(granted);
    }

    private static Stream<Grant> grantOrNothing(String text) {
        try {
            return Stream.of(Grant.parse(text));
        } catch (IllegalArgumentException notOurs) {
            return Stream.empty();
        }
    }
}
