package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A node with a setting it cannot honour does not deploy, and names the setting. */
@ExtendWith(TaskerStackExtension.class)
class SettingsRejectionIT {

    @Test
    void moreRunnerSessionsThanTheServerHasMessageBeansStopsDeployment(RunningStack stack) {
        // With more sessions than the server's 32 message-bean instances the task runner would never start.
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> stack.startNode(
                "oversized-node", Map.of("TASKER_RUNNER_MAX_SESSIONS", "33")));

        String report = refused.getMessage();
        assertTrue(report.contains("did not deploy"), report);
        assertTrue(report.contains("tasker.runner.max-sessions must be between 1 and 32, got 33"), report);
    }

    @Test
    void authenticationWithoutAnIssuerOrWithAKeyTheServerCannotReadStopsDeployment(RunningStack stack) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> stack.startNode(
                "keyless-node", Map.of("MP_JWT_VERIFY_ISSUER", "", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        "/no/such/key.pem")));

        String report = refused.getMessage();
        assertTrue(report.contains("did not deploy"), report);
        assertTrue(report.contains("mp.jwt.verify.issuer is required"), report);
        assertTrue(report.contains("mp.jwt.verify.publickey.location names no resource on the application's class "
                + "path: /no/such/key.pem (a file is file:///no/such/key.pem)"), report);
    }
}
