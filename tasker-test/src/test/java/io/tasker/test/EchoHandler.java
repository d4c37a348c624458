package io.tasker.test;

import io.tasker.api.StepContext;
import io.tasker.api.StepHandler;
import java.util.Map;
import java.util.TreeSet;

/** A handler made by its no-argument constructor, as the test kit makes a step's handler class. */
public class EchoHandler implements StepHandler {

    @Override
    public Map<String, Object> handle(StepContext context) {
        return Map.of("step", context.stepName(), "parents", new TreeSet<>(context.parentResults().keySet()),
                "order_id", context.taskContext().get("order_id"));
    }
}
