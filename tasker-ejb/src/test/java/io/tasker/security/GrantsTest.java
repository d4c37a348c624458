package io.tasker.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.api.security.Access;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Grants, roles and the default authorizer's decision. */
class GrantsTest {

    @Test
    void aGrantIsOnePermissionEveryActionOfAResourceOrEverythingOptionallyInOneNamespace() {
        assertEquals(new Grant("tasker.task", "create", Optional.empty()), Grant.parse(" tasker.task:create "));
        assertEquals(new Grant("tasker.task", "create", Optional.of("payments")),
                Grant.parse("tasker.task:create@payments"));
        assertTrue(Grant.parse("tasker.task:*").covers("tasker.task:retry"));
        assertFalse(Grant.parse("tasker.task:*").covers("tasker.workflow_step:retry"));
        assertTrue(Grant.parse("*").covers("tasker.event:show"));
        assertFalse(Grant.parse("tasker.task:show").covers("tasker.task:index"));
    }

    @Test
    void aGrantOfNoPermissionOfTaskersIsRefusedSayingWhich() {
        IllegalArgumentException unknownAction = assertThrows(IllegalArgumentException.class,
                () -> Grant.parse("tasker.task:destroy"));
        assertTrue(unknownAction.getMessage().contains("'tasker.task:destroy' is not a permission"),
                unknownAction.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Grant.parse("tasker.tasks:create"));
        assertThrows(IllegalArgumentException.class, () -> Grant.parse("tasker.task"));
        assertThrows(IllegalArgumentException.class, () -> Grant.parse("tasker.task:show@"));
    }

    @Test
    void rolesGrantWhatTheyListAndAnUnconfiguredRoleNothing() {
        RoleMapping roles = RoleMapping.parse("admin=*; viewer = tasker.task:index, tasker.task:show@payments;");
        assertEquals(Set.of("admin", "viewer"), roles.roles());
        assertEquals(List.of(Grant.parse("tasker.task:index"), Grant.parse("tasker.task:show@payments")),
                roles.grantsOf(List.of("viewer", "guest")));
        assertEquals(List.of(), RoleMapping.parse("").grantsOf(List.of("admin")));
    }

    @Test
    void aRoleMappingThatIsNotRightIsRefusedNamingTheEntry() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RoleMapping.parse("admin"))
                .getMessage().contains("'admin'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RoleMapping.parse("a=*;a=tasker.task:show"))
                .getMessage().contains("twice"));
        assertThrows(IllegalArgumentException.class, () -> RoleMapping.parse("ops=tasker.task:launch"));
    }

    @Test
    void accessIsEverywhereWhenOneGrantHasNoNamespaceElseTheUnionOfTheirNamespaces() {
        String show = "tasker.task:show";
        assertEquals(Access.nowhere(), ClaimsAuthorizer.access(grants("tasker.task:index"), show, Optional.empty()));
        assertEquals(Access.everywhere(), ClaimsAuthorizer.access(grants("tasker.task:show@a", "tasker.task:*"),
                show, Optional.empty()));
        assertEquals(Access.in(Set.of("a", "b")), ClaimsAuthorizer.access(grants("tasker.task:show@a",
                "tasker.task:show@b", "tasker.task:index@c"), show, Optional.empty()));
    }

    @Test
    void theNamespacesClaimBoundsEveryGrant() {
        String show = "tasker.task:show";
        assertEquals(Access.in(Set.of("a")), ClaimsAuthorizer.access(grants("*"), show, Optional.of(Set.of("a"))));
        assertEquals(Access.in(Set.of("b")), ClaimsAuthorizer.access(grants("tasker.task:show@a",
                "tasker.task:show@b"), show, Optional.of(Set.of("b", "c"))));
        assertEquals(Access.nowhere(), ClaimsAuthorizer.access(grants("tasker.task:show@a"), show,
                Optional.of(Set.of("b"))));
        assertFalse(Access.nowhere().granted());
        assertTrue(Access.in(Set.of("a")).permits("a"));
        assertFalse(Access.in(Set.of("a")).permits("b"));
    }

    private static Stream<Grant> grants(String... texts) {
        return Stream.of(texts).map(Grant::parse);
    }
}
