package io.tasker.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermissionDeclarationsTest {

    static class Endpoints {

        @RequiresPermission("tasker.task:index")
        public void known() {
        }

        @RequiresPermission("tasker.audit:index")
        public void unknown() {
        }

        public void none() {
        }
    }

    @Test
    void aKnownPermissionIsNoMistake() throws Exception {
        assertEquals(Optional.empty(), PermissionDeclarations.mistake(Endpoints.class.getMethod("known")));
    }

    @Test
    void anUnknownOrMissingPermissionIsNamedWithTheMethod() throws Exception {
        String unknown = PermissionDeclarations.mistake(Endpoints.class.getMethod("unknown")).orElseThrow();
        assertTrue(unknown.contains("Endpoints.unknown()") && unknown.contains("declares tasker.audit:index, which is "
                + "not a permission of Tasker's; they are ") && unknown.contains("tasker.task:create"), unknown);
        String none = PermissionDeclarations.mistake(Endpoints.class.getMethod("none")).orElseThrow();
        assertTrue(none.endsWith("Endpoints.none() declares no permission (@RequiresPermission)"), none);
    }
}
