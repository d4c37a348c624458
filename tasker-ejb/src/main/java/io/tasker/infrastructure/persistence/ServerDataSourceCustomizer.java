package io.tasker.infrastructure.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * Points the persistence unit at the server's data source when {@value TaskerDataSource#SERVER_DATA_SOURCE} names
 * one: the container hands EclipseLink the unit's {@code jta-data-source} (Tasker's own), and the engine's calls
 * into the schema must share the read model's connection within a transaction. Named in
 * {@code META-INF/persistence.xml}; EclipseLink calls it before the unit first connects.
 */
public class ServerDataSourceCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        String name = TaskerDataSource.inUse();
        if (!name.equals(TaskerDataSource.JNDI_NAME)) {
            session.getLogin().setConnector(new JNDIConnector(name));
        }
    }
}
