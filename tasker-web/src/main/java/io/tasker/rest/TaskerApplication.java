package io.tasker.rest;

import io.tasker.config.TaskerResources;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The API's root: the web module's context root is {@code /tasker}, so tasks live at {@code /tasker/tasks}.
 *
 * <p>It also declares the managed executor that runs steps (application-scoped, used by the engine). The
 * declaration sits on a web component because Payara Micro does not bind a {@code @ManagedExecutorDefinition}
 * made on an EJB inside {@code WEB-INF/lib}, while the other resources are declared with the engine
 * ({@link TaskerResources}).
 */
@ApplicationPath("/")
@ManagedExecutorDefinition(name = TaskerResources.STEP_EXECUTOR, maxAsync = 32)
public class TaskerApplication extends Application {
}
