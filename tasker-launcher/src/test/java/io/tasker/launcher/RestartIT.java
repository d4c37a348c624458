package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stopping everything and starting it again on the same data directory keeps every task, and work goes on. */
@ExtendWith(TaskerStackExtension.class)
class RestartIT {

    @Test
    void tasksSurviveARestartOfTheWholeStack(RunningStack stack) throws Exception {
        long taskId = stack.client().createTask("""
                {"name": "mixed_workflow", "namespace": "examples", "context": {"note": "before restart"}}""");
        JsonObject before = stack.client().awaitFinished(taskId, Duration.ofSeconds(30));
        assertEquals("complete", before.getString("status"));

        stack.restart();

        JsonObject after = stack.client().get("/tasks/" + taskId).json();
        assertEquals(before, after, "the task reads the same after the restart");
        long newTask = stack.client().createTask("""
                {"name": "mixed_workflow", "namespace": "examples", "context": {"fail_times": {"init_auth": 1}}}""");
        assertEquals("complete", stack.client().awaitFinished(newTask, Duration.ofSeconds(30)).getString("status"));
    }
}
