package io.tasker.launcher;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The embedded default passes the acceptance checks every deployment of Tasker passes ({@link AcceptanceChecks}). */
@ExtendWith(TaskerStackExtension.class)
class AcceptanceIT {

    @Test
    void theEmbeddedDefaultPassesTheAcceptanceChecks(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        AcceptanceChecks.all(client.api(), client);
    }
}
