package io.tasker.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The resources Tasker declares for itself, so it deploys without server configuration (the step executor is
 * declared by the web module, see {@code io.tasker.rest.TaskerApplication}). Connection details come
 * from MicroProfile Config ({@code tasker.db.*}, overridable by the environment variables {@code TASKER_DB_URL},
 * {@code TASKER_DB_USER}, {@code TASKER_DB_PASSWORD}); the broker's address is set on the Artemis resource
 * adapter ({@code artemis-ra}) when it is deployed.
 *
 * <p>The JMS connection factory takes part in JTA transactions (XA): a message sent in a transaction is
 * delivered only if that transaction commits.
 *
 * <p>It is a (method-less) singleton bean only because the container reads resource definitions from component
 * classes; nothing calls it.
 */
@DataSourceDefinition(
        name = TaskerResources.DATA_SOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=tasker.db.url}",
        user = "${MPCONFIG=tasker.db.user}",
        password = "${MPCONFIG=tasker.db.password}",
        minPoolSize = 4,
        maxPoolSize = 48,
        properties = {
            // Strings are sent untyped so PostgreSQL casts JSON text to jsonb; statements are prepared server-side.
            "stringtype=unspecified",
            "prepareThreshold=1",
            // Payara's pool: check a connection before use (at most every 2 s each), and when one is found dead,
            // replace them all, so a database restart costs one failed check rather than a failure per connection.
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=2",
            "fish.payara.fail-all-connections=true"})
@ConnectionFactoryDefinition(
        name = TaskerResources.CONNECTION_FACTORY,
        resourceAdapter = TaskerResources.RESOURCE_ADAPTER,
        interfaceName = "org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory",
        transactionSupport = TransactionSupportLevel.XATransaction,
        minPoolSize = 2,
        maxPoolSize = 48)
@AdministeredObjectDefinition(
        name = TaskerResources.TASK_RUNNER_QUEUE,
        resourceAdapter = TaskerResources.RESOURCE_ADAPTER,
        className = "org.apache.activemq.artemis.jms.client.ActiveMQQueue",
        interfaceName = "jakarta.jms.Queue",
        properties = "Address=" + TaskerResources.TASK_RUNNER_ADDRESS)
@Singleton
public class TaskerResources {

    public static final String DATA_SOURCE = "java:app/jdbc/tasker";
    public static final String CONNECTION_FACTORY = "java:app/jms/tasker";
    public static final String TASK_RUNNER_QUEUE = "java:app/jms/task-runner";
    public static final String STEP_THREAD_FACTORY = "java:app/concurrent/tasker-step-threads";
    /** The deployed name of the Artemis resource adapter. */
    public static final String RESOURCE_ADAPTER = "artemis-ra";
    /** The broker address (an anycast queue) that carries task ids to the task runner. */
    public static final String TASK_RUNNER_ADDRESS = "tasker.task-runner";
}
