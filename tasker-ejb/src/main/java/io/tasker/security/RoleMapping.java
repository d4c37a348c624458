package io.tasker.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles of {@code tasker.auth.roles}: a token's {@code groups} claim names roles, each role grants permissions.
 * Written {@code role=grant,grant;role=grant}, for example
 * {@code admin=*;operator=tasker.task:*,tasker.workflow_step:*;payments-viewer=tasker.task:index@payments}.
 */
public final class RoleMapping {

    private final Map<String, List<Grant>> grants;

    private RoleMapping(Map<String, List<Grant>> grants) {
        this.grants = grants;
    }

    /**
     * Reads the roles.
     *
     * @throws IllegalArgumentException naming the first role or grant that is not right
     */
    public static RoleMapping parse(String text) {
        Map<String, List<Grant>> grants = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String role = equals < 0 ? "" : entry.substring(0, equals).strip();
            if (role.isEmpty()) {
                throw new IllegalArgumentException("must be role=grant,grant;role=grant..., got '" + entry.strip()
                        + "'");
            }
            if (grants.containsKey(role)) {
                throw new IllegalArgumentException("names the role " + role + " twice");
            }
            List<Grant> roleGrants = new ArrayList<>();
            for (String grant : entry.substring(equals + 1).split(",")) {
                if (!grant.isBlank()) {
                    roleGrants.add(Grant.parse(grant));
                }
            }
            grants.put(role, List.copyOf(roleGrants));
        }
        return new RoleMapping(Map.copyOf(grants));
    }

    /** What the roles grant together; a role that is not configured grants nothing. */
    public List<Grant> grantsOf(Collection<String> roles) {
        return roles.stream().flatMap(role -> grants.getOrDefault(role, List.of()).stream()).toList();
    }

    /** The roles configured. */
    public Set<String> roles() {
        return grants.keySet();
    }
}
