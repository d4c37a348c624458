package io.tasker.security;

import java.util.Optional;

/**
 * One permission as a token or a role grants it: {@code tasker.task:create}, every action of a resource
 * ({@code tasker.task:*}) or everything ({@code *}), each optionally limited to one namespace
 * ({@code tasker.task:create@payments}).
 *
 * @param resource the resource, or {@code *} for every one
 * @param action the action, or {@code *} for every one
 * @param namespace the namespace it is limited to, if any
 */
public record Grant(String resource, String action, Optional<String> namespace) {

    private static final String ANY = "*";

    /**
     * Reads a grant.
     *
     * @throws IllegalArgumentException when it names no permission of Tasker's, saying why
     */
    public static Grant parse(String text) {
        String trimmed = text.strip();
        int at = trimmed.indexOf('@');
        String permission = at < 0 ? trimmed : trimmed.substring(0, at);
        Optional<String> namespace = at < 0 ? Optional.empty() : Optional.of(trimmed.substring(at + 1));
        if (namespace.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("'" + text + "' names no namespace after '@'");
        }
        if (permission.equals(ANY)) {
            return new Grant(ANY, ANY, namespace);
        }
        int colon = permission.indexOf(':');
        String resource = colon < 0 ? permission : permission.substring(0, colon);
        String action = colon < 0 ? "" : permission.substring(colon + 1);
        if (!Permissions.isResource(resource)) {
            throw new IllegalArgumentException("'" + text + "' names no resource of Tasker's (a grant is "
                    + "<resource>:<action>[@namespace], <resource>:*, or *; the permissions are "
                    + String.join(", ", Permissions.all()) + ")");
        }
        if (!action.equals(ANY)) {
            Permissions.require(permission);
        }
        return new Grant(resource, action, namespace);
    }

    /** Whether it grants {@code permission} (in some namespace, at least). */
    public boolean covers(String permission) {
        return resource.equals(ANY) || (action.equals(ANY) ? permission.startsWith(resource + ":")
                : permission.equals(resource + ":" + action));
    }
}
