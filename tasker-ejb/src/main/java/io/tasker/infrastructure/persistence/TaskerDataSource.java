package io.tasker.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The data source Tasker declares for itself, so it deploys without a server-defined one. Connection details come
 * from MicroProfile Config, read by {@link ConfiguredPostgresDataSource}. The persistence unit (the read model)
 * and every call into the schema's functions use it, so they take part in the caller's JTA transaction.
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
}
