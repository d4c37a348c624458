package io.tasker.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data source Tasker declares for itself, so it deploys without a server-defined one. Connection details come
 * from MicroProfile Config, read by {@link ConfiguredPostgresDataSource}. The persistence unit (the read model)
 * and every call into the schema's functions use the same data source, so they take part in the caller's JTA
 * transaction.
 *
 * <p>A server whose pool for an application's own definition cannot check its connections (WildFly) defines one
 * that can, and names it in {@value #SERVER_DATA_SOURCE}: the engine then uses that one instead
 * ({@link EngineDataSourceProducer}, {@link ServerDataSourceCustomizer}) and this one stays empty.
 *
 * <p>It is a (method-less) singleton bean only because the container reads resource definitions from component
 * classes; nothing calls it.
 */
@DataSourceDefinition(
        name = TaskerDataSource.JNDI_NAME,
        className = "io.tasker.infrastructure.persistence.ConfiguredPostgresDataSource",
        minPoolSize = 4,
        maxPoolSize = 48,
        properties = {
            // Strings are sent untyped so PostgreSQL casts JSON text to jsonb.
            "stringType=unspecified",
            // Payara's pool: check a connection before use (at most every 2 s each), and when one is found dead,
            // replace them all, so a database restart costs one failed check rather than a failure per connection.
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=2",
            "fish.payara.fail-all-connections=true"})
@Singleton
public class TaskerDataSource {

    /** Where the data source is bound; {@code META-INF/persistence.xml} names it too. */
    public static final String JNDI_NAME = "java:app/jdbc/tasker";

    /** The MicroProfile Config property naming a server's data source to use in place of this one. */
    public static final String SERVER_DATA_SOURCE = "tasker.db.datasource";

    /** The JNDI name of the data source the engine uses: the server's when one is configured, else this one. */
    static String inUse() {
        return ConfigProvider.getConfig(TaskerDataSource.class.getClassLoader())
                .getOptionalValue(SERVER_DATA_SOURCE, String.class)
                .orElse(JNDI_NAME);
    }
}
