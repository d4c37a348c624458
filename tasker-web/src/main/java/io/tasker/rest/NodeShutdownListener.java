package io.tasker.rest;

import io.tasker.orchestration.NodeLifecycle;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Lets the node stop cleanly when the application is taken down (undeploy, server shutdown, SIGTERM): running
 * steps finish within the grace period or are released to other nodes before the container goes away.
 */
@WebListener
public class NodeShutdownListener implements ServletContextListener {

    @Inject
    private NodeLifecycle lifecycle;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        lifecycle.stop();
    }
}
