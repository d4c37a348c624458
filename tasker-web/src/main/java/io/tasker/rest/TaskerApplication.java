package io.tasker.rest;

import io.tasker.config.TaskerResources;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The API's root: the web module's context root is {@code /tasker}, so tasks live at {@code /tasker/tasks}. */
@ApplicationPath("/")
@ManagedExecutorDefinition(name = TaskerResources.STEP_EXECUTOR, maxAsync = 32)
public class TaskerApplication extends Application {
}
