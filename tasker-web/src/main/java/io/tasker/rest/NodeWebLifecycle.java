package io.tasker.rest;

import io.tasker.health.NodeStartup;
import io.tasker.orchestration.NodeLifecycle;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.health.Startup;

/**
 * Tells the node when its API starts and stops. Readiness waits for the start; when the application is taken down
 * (undeploy, server shutdown, SIGTERM), the node stops cleanly: running steps finish within the grace period or are
 * released to other nodes before the container goes away.
 */
@WebListener
public class NodeWebLifecycle implements ServletContextListener {

    @Inject
    @Startup
    private NodeStartup startup;

    @Inject
    private NodeLifecycle lifecycle;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        startup.apiStarted();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        lifecycle.stop();
    }
}
