package io.tasker.api.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a caller may use a permission: everywhere, nowhere, or only on the tasks (and templates) of some namespaces.
 * Lists are filtered to those namespaces, and a task of another namespace is answered as if it did not exist.
 */
public final class Access {

    private static final Access EVERYWHERE = new Access(null);
    private static final Access NOWHERE = new Access(Set.of());

    // Null: every namespace.
    private final Set<String> namespaces;

    private Access(Set<String> namespaces) {
        this.namespaces = namespaces;
    }

    public static Access everywhere() {
        return EVERYWHERE;
    }

    public static Access nowhere() {
        return NOWHERE;
    }

    /** Only these namespaces; none is {@link #nowhere()}. */
    public static Access in(Set<String> namespaces) {
        return namespaces.isEmpty() ? NOWHERE : new Access(Set.copyOf(namespaces));
    }

    /** Whether the permission is granted at all. */
    public boolean granted() {
        return namespaces == null || !namespaces.isEmpty();
    }

    /** Whether the permission is granted on the namespace. */
    public boolean permits(String namespace) {
        return namespaces == null || namespaces.contains(namespace);
    }

    /** The namespaces it is limited to; empty when it is granted everywhere. */
    public Optional<Set<String>> namespaces() {
        return Optional.ofNullable(namespaces);
    }

    /** What both allow. */
    public Access and(Access other) {
        if (namespaces == null) {
            return other;
        }
        if (other.namespaces == null) {
            return this;
        }
        return in(namespaces.stream().filter(other.namespaces::contains)
                .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Access access && Objects.equals(namespaces, access.namespaces);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(namespaces);
    }

    @Override
    public String toString() {
        return namespaces == null ? "everywhere" : namespaces.isEmpty() ? "nowhere" : "in " + namespaces;
    }
}
