package io.tasker.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every permission Tasker checks, {@code <resource>:<action>}: each way into the engine (an endpoint, the JMS
 * intake) needs exactly one of them. A permission that is not here is a mistake, refused where it is written (an
 * endpoint's declaration or a role of configuration) when the application starts.
 */
public final class Permissions {

    private static final Map<String, List<String>> ACTIONS = Map.of(
            "tasker.task", List.of("index", "show", "create", "update", "cancel", "retry"),
            "tasker.workflow_step", List.of("index", "show", "retry", "resolve", "cancel"),
            "tasker.transition", List.of("index"),
            "tasker.diagram", List.of("show"),
            "tasker.handler", List.of("index", "show"),
            "tasker.namespace", List.of("index"),
            "tasker.event", List.of("index", "show"),
            "tasker.health_status", List.of("index"),
            "tasker.metrics", List.of("index"),
            "tasker.openapi", List.of("show"));

    private Permissions() {
    }

    /** Whether {@code permission} is one Tasker checks. */
    public static boolean isKnown(String permission) {
        int colon = permission.indexOf(':');
        return colon > 0 && ACTIONS.getOrDefault(permission.substring(0, colon), List.of())
                .contains(permission.substring(colon + 1));
    }

    /** Whether {@code resource} is one of Tasker's resources ({@code tasker.task}). */
    static boolean isResource(String resource) {
        return ACTIONS.containsKey(resource);
    }

    /** Every permission, sorted. */
    public static List<String> all() {
        return ACTIONS.entrySet().stream()
                .flatMap(resource -> resource.getValue().stream().map(action -> resource.getKey() + ":" + action))
                .sorted()
                .toList();
    }

    /**
     * The permissions, each checked as {@link #require(String)} does.
     *
     * @throws IllegalArgumentException when Tasker has no such permission
     */
    public static List<String> requireAll(String... permissions) {
        return Stream.of(permissions).map(Permissions::require).toList();
    }

    /**
     * The permission, checked.
     *
     * @throws IllegalArgumentException when Tasker has no such permission
     */
    public static String require(String permission) {
        if (!isKnown(permission)) {
            throw new IllegalArgumentException("'" + permission + "' is not a permission of Tasker's; they are "
                    + String.join(", ", all()));
        }
        return permission;
    }
}
