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
 * Delivers the events to the application's {@link EventSubscriber} beans (docs/events.md). Each subscriber has a
 * cursor in the database: every {@code tasker.events.poll-interval-seconds} this node takes the cursor of each
 * subscriber that has no delivery under way here (unless another node holds it), reads the transitions of the
 * transactions committed since, turns them into events, hands the subscriber those it asked for on a managed
 * thread, and moves the cursor on. Nothing runs inside an orchestration transaction, a subscriber that throws only
 * has its failure counted and logged, and a slow one delays only its own deliveries. A node that dies mid-delivery
 * leaves the cursor where it was: another node delivers those events again once the lease has run out.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());
    // Transactions read at a time: what one delivery round holds in memory.
    private static final int BATCH_TRANSACTIONS = 200;

    @Inject
    @Any
    private Instance<EventSubscriber> subscriberBeans;

    @Inject
    private EventCursors cursors;

    @Inject
    private TaskerSettings settings;

    @Inject
    private EventMetrics metrics;

    @Resource
    private TimerService timers;

    @Resource
    private ManagedExecutorService threads;

    private final List<Subscription> subscriptions = new ArrayList<>();

    /** A subscriber, what it asked for, and whether this node is delivering to it now. */
    private record Subscription(String name, EventSubscriber subscriber, EventFilter filter, AtomicBoolean busy) {

        String cursor() {
            return "subscriber:" + name;
        }
    }

    /**
     * Finds the subscriber beans and registers their cursors; one that asks for no event (say, switched off by a
     * setting) is left out.
     *
     * @throws IllegalStateException when a subscriber asks for events in a form the catalog does not know
     */
    @PostConstruct
    void findSubscribers() {
        subscriberBeans.handlesStream().forEach(handle -> {
            String name = handle.getBean().getBeanClass().getName();
            EventSubscriber subscriber = handle.get();
            if (subscriber.events() != null && subscriber.events().isEmpty()) {
                LOG.info(() -> "TASKER-EVENT-005 event subscriber " + name + " asks for no event: not subscribed");
                return;
            }
            EventFilter filter;
            try {
                filter = EventFilter.of(subscriber.events());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("event subscriber " + name + " " + e.getMessage(), e);
            }
            cursors.register("subscriber:" + name);
            subscriptions.add(new Subscription(name, subscriber, filter, new AtomicBoolean()));
        });
        if (!subscriptions.isEmpty()) {
            long every = settings.eventPollInterval().toMillis();
            timers.createIntervalTimer(every, every, new TimerConfig("tasker-events", false));
            LOG.info(() -> "TASKER-EVENT-001 delivering events to " + subscriptions.stream()
                    .map(Subscription::name).toList());
        }
    }

    @Timeout
    void deliverPending() {
        for (Subscription subscription : subscriptions) {
            if (subscription.busy().compareAndSet(false, true)) {
                try {
                    threads.execute(() -> {
                        try {
                            deliver(subscription);
                        } finally {
                            subscription.busy().set(false);
                        }
                    });
                } catch (RuntimeException rejected) {
                    subscription.busy().set(false);
                    throw rejected;
                }
            }
        }
    }

    // Rounds of up to a batch each, while the cursor has transactions to deliver and this node holds it.
    private void deliver(Subscription subscription) {
        try {
            boolean more = true;
            while (more) {
                OptionalLong position = cursors.take(subscription.cursor());
                if (position.isEmpty()) {
                    return;
                }
                List<TransitionRecord> transitions = cursors.transitionsAfter(position.getAsLong(),
                        BATCH_TRANSACTIONS);
                transitions.forEach(transition -> deliver(subscription, transition));
                long last = transitions.isEmpty() ? position.getAsLong()
                        : transitions.get(transitions.size() - 1).transactionId();
                more = cursors.advance(subscription.cursor(), last) && !transitions.isEmpty();
            }
        } catch (RuntimeException e) {
            // The cursor stays where it was (its lease runs out): the next round delivers these events again.
            LOG.log(Level.WARNING, "TASKER-EVENT-002 delivering events to " + subscription.name() + " failed; "
                    + "they are delivered again", e);
        }
    }

    private void deliver(Subscription subscription, TransitionRecord transition) {
        List<TaskerEvent> events;
        try {
            events = TransitionEvents.of(transition);
        } catch (IllegalArgumentException unknown) {
            LOG.warning(() -> "TASKER-EVENT-003 " + unknown.getMessage() + " (transition " + transition.transitionId()
                    + "): skipped");
            return;
        }
        for (TaskerEvent event : events) {
            if (!subscription.filter().matches(event.name())) {
                continue;
            }
            try {
                subscription.subscriber().onEvent(event);
                metrics.delivered(subscription.name());
            } catch (Exception | LinkageError e) {
                metrics.subscriberFailed(subscription.name(), event.name());
                LOG.log(Level.WARNING, "TASKER-EVENT-004 subscriber " + subscription.name() + " failed on event "
                        + event.name() + " " + event.id(), e);
            }
        }
    }
}
