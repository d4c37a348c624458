package io.tasker.infrastructure.jms;

import io.tasker.api.events.TaskerEvent;
import io.tasker.events.EventJson;
import io.tasker.events.EventTopic;
import io.tasker.json.JsonDocuments;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import java.util.List;

/**
 * Publishes events on the {@code tasker.events} topic through the XA connection factory, so the sends join the
 * caller's transaction: persistent text messages holding the event's JSON form (docs/events.md), with its name,
 * id, namespace and task name as properties for selectors.
 */
@ApplicationScoped
public class JmsEventTopic implements EventTopic {

    /** The message properties a consumer can select on. */
    static final String EVENT = "event";
    static final String EVENT_ID = "event_id";
    static final String NAMESPACE = "namespace";
    static final String TASK_NAME = "task_name";

    @Resource(lookup = TaskerJmsResources.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Override
    public void send(List<TaskerEvent> published) {
        try (JMSContext context = connectionFactory.createContext()) {
            // The topic by its address: the resource adapter resolves it on the broker, no administered object needed.
            Topic events = context.createTopic(TaskerJmsResources.EVENTS_ADDRESS);
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (TaskerEvent event : published) {
                producer.setProperty(EVENT, event.name())
                        .setProperty(EVENT_ID, event.id())
                        .setProperty(NAMESPACE, event.namespace())
                        .setProperty(TASK_NAME, event.taskName())
                        .send(events, JsonDocuments.write(EventJson.of(event)));
            }
        }
    }
}
