package io.tasker.events;

import io.tasker.api.events.TaskerEvent;
import java.util.List;

/** The broker's topic of events ({@code tasker.events}), for systems outside the application. */
public interface EventTopic {

    /** Sends the events, in order, in the caller's transaction: they reach the topic only if it commits. */
    void send(List<TaskerEvent> events);
}
