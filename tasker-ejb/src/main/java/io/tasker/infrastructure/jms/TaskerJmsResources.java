package io.tasker.infrastructure.jms;

import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The JMS resources Tasker declares for itself on the Artemis resource adapter, so it deploys without server
 * configuration: the connection factory and the task-runner queue. The broker's address is a property of the
 * resource adapter ({@code artemis-ra}), set when it is deployed.
 *
 * <p>The connection factory takes part in JTA transactions (XA): a message sent in a transaction is delivered only
 * if that transaction commits. It is a (method-less) singleton bean only because the container reads resource
 * definitions from component classes; nothing calls it.
 */
@ConnectionFactoryDefinition(
        name = TaskerJmsResources.CONNECTION_FACTORY,
        resourceAdapter = TaskerJmsResources.RESOURCE_ADAPTER,
        interfaceName = "org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory",
        transactionSupport = TransactionSupportLevel.XATransaction,
        minPoolSize = 2,
        maxPoolSize = 48)
@AdministeredObjectDefinition(
        name = TaskerJmsResources.TASK_RUNNER_QUEUE,
        resourceAdapter = TaskerJmsResources.RESOURCE_ADAPTER,
        className = "org.apache.activemq.artemis.jms.client.ActiveMQQueue",
        interfaceName = "jakarta.jms.Queue",
        properties = "Address=" + TaskerJmsResources.TASK_RUNNER_ADDRESS)
@Singleton
public class TaskerJmsResources {

    static final String CONNECTION_FACTORY = "java:app/jms/tasker";
    static final String TASK_RUNNER_QUEUE = "java:app/jms/task-runner";
    /** The deployed name of the Artemis resource adapter. */
    static final String RESOURCE_ADAPTER = "artemis-ra";
    /** The broker address (an anycast queue) that carries task ids to the task runner. */
    static final String TASK_RUNNER_ADDRESS = "tasker.task-runner";
    /** The broker address (an anycast queue) on which users send task requests. */
    static final String TASK_REQUESTS_ADDRESS = "tasker.task-requests";
    /** The broker address (multicast: a topic) every event goes to when tasker.events.topic.enabled is set. */
    static final String EVENTS_ADDRESS = "tasker.events";
    /** Where the broker puts a message it gave up delivering (server-config/broker.xml). */
    static final String DEAD_LETTER_ADDRESS = "DLQ";
}
