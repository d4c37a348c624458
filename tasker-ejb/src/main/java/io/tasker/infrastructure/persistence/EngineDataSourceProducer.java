package io.tasker.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Hands the engine's beans the data source it uses ({@link TaskerDataSource#inUse()}), looked up once, when a bean
 * first calls it; the persistence unit switches to the same one through {@link ServerDataSourceCustomizer}.
 */
@ApplicationScoped
class EngineDataSourceProducer {

    @Produces
    @ApplicationScoped
    @EngineDatabase
    DataSource dataSource() throws NamingException {
        return InitialContext.doLookup(TaskerDataSource.inUse());
    }
}
