package io.tasker.telemetry;

import java.util.List;
import java.util.OptionalLong;

/** How many messages the broker holds on Tasker's queues. */
public interface QueueDepths {

    /** The queues whose depth is measured: the task runner's, the task requests', the dead-letter queue. */
    List<String> queues();

    /** The messages on the queue now, delayed ones included; empty when the broker did not answer. */
    OptionalLong depth(String queue);
}
