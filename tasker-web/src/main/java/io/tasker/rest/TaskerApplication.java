package io.tasker.rest;

import io.tasker.orchestration.execution.StepThreads;
import jakarta.enterprise.concurrent.ManagedThreadFactoryDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The API's root: the web module's context root is {@code /tasker}, so tasks live at {@code /tasker/tasks}.
 *
 * <p>It also declares the managed thread factory of the threads that run steps (used by the engine). The
 * declaration sits on a web component because Payara Micro does not bind a concurrency resource defined on an
 * EJB inside {@code WEB-INF/lib}, while the other resources are declared with the engine.
 *
 * <p>Requests authenticate with MicroProfile JWT (a bearer token); {@link PermissionCheck} decides what each may do.
 * The application is a CDI bean so that the server's MicroProfile JWT sees it in a bean archive of annotated beans.
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@ManagedThreadFactoryDefinition(name = StepThreads.THREAD_FACTORY)
public class TaskerApplication extends Application {
}
