package io.tasker.events;

import io.tasker.api.events.EventSubscriber;
import io.tasker.api.events.TaskerEvent;
import io.tasker.config.TaskerSettings;
import io.tasker.telemetry.EventMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the events (docs/events.md) to the application's {@link EventSubscriber} beans and, with
 * {@code tasker.events.topic.enabled}, to the broker's topic. Each consumer has a cursor in the database: every
 * {@code tasker.events.poll-interval-seconds} this node takes the cursor of each consumer that has no delivery under
 * way here (unless another node holds it), reads the transitions and the custom events of the transactions
 * committed since, turns them into events and delivers those the consumer wants, on a managed thread, then moves the
 * cursor on. Nothing runs inside an orchestration transaction, and a slow consumer delays only its own deliveries. A
 * node that dies mid-delivery leaves the cursor where it was: another node delivers those events again once the lease
 * has run out.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());
    // Transactions read at a time: what one delivery round holds in memory.
    private static final int BATCH_TRANSACTIONS = 200;
    private static final String TOPIC_CURSOR = "topic:tasker.events";

    @Inject
    @Any
    private Instance<EventSubscriber> subscriberBeans;

    @Inject
    private EventCursors cursors;

    @Inject
    private EventPublications publications;

    @Inject
    private TaskerSettings settings;

    @Inject
    private EventMetrics metrics;

    @Resource
    private TimerService timers;

    @Resource
    private ManagedExecutorService threads;

    private final List<Consumer> consumers = new ArrayList<>();

    /** Where the events of one cursor go. */
    private abstract static class Consumer {

        final String name;
        final String cursor;
        // Whether this node is delivering to it now.
        final AtomicBoolean busy = new AtomicBoolean();

        Consumer(String name, String cursor) {
            this.name = name;
            this.cursor = cursor;
        }

        /** Delivers the events and moves the cursor on to the transaction; false when the node lost the cursor. */
        abstract boolean deliver(List<TaskerEvent> events, long upToTransaction);
    }

    /**
     * Finds the subscriber beans and registers the cursors of the consumers; a subscriber that asks for no event
     * (say, switched off by a setting) is left out.
     *
     * @throws IllegalStateException when a subscriber asks for events in a form the catalog does not know
     */
    @PostConstruct
    void findConsumers() {
        subscriberBeans.handlesStream().forEach(handle -> {
            String name = handle.getBean().getBeanClass().getName();
            EventSubscriber subscriber = handle.get();
            if (subscriber.events() != null && subscriber.events().isEmpty()) {
                LOG.info(() -> "TASKER-EVENT-005 event subscriber " + name + " asks for no event: not subscribed");
                return;
            }
            try {
                consumers.add(new SubscriberConsumer(name, subscriber, EventFilter.of(subscriber.events())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("event subscriber " + name + " " + e.getMessage(), e);
            }
        });
        if (settings.eventTopicEnabled()) {
            consumers.add(new Consumer("the topic tasker.events", TOPIC_CURSOR) {
                @Override
                boolean deliver(List<TaskerEvent> events, long upToTransaction) {
                    return publications.publish(cursor, events, upToTransaction);
                }
            });
        }
        consumers.forEach(consumer -> cursors.register(consumer.cursor));
        if (!consumers.isEmpty()) {
            long every = settings.eventPollInterval().toMillis();
            timers.createIntervalTimer(every, every, new TimerConfig("tasker-events", false));
            LOG.info(() -> "TASKER-EVENT-001 delivering events to " + consumers.stream().map(consumer -> consumer.name)
                    .toList());
        }
    }

    @Timeout
    void deliverPending() {
        for (Consumer consumer : consumers) {
            if (consumer.busy.compareAndSet(false, true)) {
                try {
                    threads.execute(() -> {
                        try {
                            deliver(consumer);
                        } finally {
                            consumer.busy.set(false);
                        }
                    });
                } catch (RuntimeException rejected) {
                    consumer.busy.set(false);
                    throw rejected;
                }
            }
        }
    }

    // Rounds of up to a batch each, while the cursor has transactions to deliver and this node holds it.
    private void deliver(Consumer consumer) {
        try {
            boolean more = true;
            while (more) {
                OptionalLong position = cursors.take(consumer.cursor);
                if (position.isEmpty()) {
                    return;
                }
                List<StreamEntry> entries = cursors.entriesAfter(position.getAsLong(), BATCH_TRANSACTIONS);
                long last = entries.isEmpty() ? position.getAsLong() : entries.get(entries.size() - 1).transactionId();
                more = consumer.deliver(events(entries), last) && !entries.isEmpty();
            }
        } catch (RuntimeException e) {
            // The cursor stays where it was (its lease runs out): a later round delivers these events again.
            LOG.log(Level.WARNING, "TASKER-EVENT-002 delivering events to " + consumer.name + " failed; they are "
                    + "delivered again", e);
        }
    }

    private static List<TaskerEvent> events(List<StreamEntry> entries) {
        List<TaskerEvent> events = new ArrayList<>();
        for (StreamEntry entry : entries) {
            if (entry instanceof PublishedEvent published) {
                events.add(published.event());
                continue;
            }
            TransitionRecord transition = (TransitionRecord) entry;
            try {
                events.addAll(TransitionEvents.of(transition));
            } catch (IllegalArgumentException unknown) {
                LOG.warning(() -> "TASKER-EVENT-003 " + unknown.getMessage() + " (transition "
                        + transition.transitionId() + "): skipped");
            }
        }
        return events;
    }

    /** A subscriber bean: each event it asked for, one at a time; one it throws on is counted and logged. */
    private final class SubscriberConsumer extends Consumer {

        private final EventSubscriber subscriber;
        private final EventFilter filter;

        SubscriberConsumer(String name, EventSubscriber subscriber, EventFilter filter) {
            super(name, "subscriber:" + name);
            this.subscriber = subscriber;
            this.filter = filter;
        }

        @Override
        boolean deliver(List<TaskerEvent> events, long upToTransaction) {
            for (TaskerEvent event : events) {
                if (!filter.matches(event.name())) {
                    continue;
                }
                try {
                    subscriber.onEvent(event);
                    metrics.delivered(name);
                } catch (Exception | LinkageError e) {
                    metrics.subscriberFailed(name, event.name());
                    LOG.log(Level.WARNING, "TASKER-EVENT-004 subscriber " + name + " failed on event " + event.name()
                            + " " + event.id(), e);
                }
            }
            return cursors.advance(cursor, upToTransaction);
        }
    }
}
