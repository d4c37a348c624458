package io.tasker.api.security;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated subject of a request, from its token.
 *
 * @param name the subject ({@code upn}, else {@code preferred_username}, else {@code sub}): the actor Tasker records
 * @param permissions the token's {@code permissions} claim, as given ({@code tasker.task:create},
 *     {@code tasker.task:show@payments}); unchecked, so an authorizer may give them meanings of its own
 * @param groups the token's {@code groups} claim: its roles
 * @param namespaces the token's {@code namespaces} claim, when it has one: the only namespaces the caller may touch
 * @param claims every claim of the token, for an authorizer that decides on others
 */
public record Caller(String name, Set<String> permissions, Set<String> groups, Optional<Set<String>> namespaces,
                     Map<String, Object> claims) {

    public Caller {
        Objects.requireNonNull(name, "name");
        permissions = Set.copyOf(permissions);
        groups = Set.copyOf(groups);
        namespaces = namespaces.map(Set::copyOf);
        claims = Map.copyOf(claims);
    }

    /** Who the caller is and what it holds, without the claims' values. */
    @Override
    public String toString() {
        return "Caller[" + name + ", permissions " + permissions + ", groups " + groups + ", namespaces "
                + namespaces.map(Object::toString).orElse("any") + "]";
    }
}
