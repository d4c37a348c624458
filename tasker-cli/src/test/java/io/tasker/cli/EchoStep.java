package io.tasker.cli;

import io.tasker.api.StepContext;
import io.tasker.api.StepHandler;
import java.util.Map;

/** A step handler on the test class path, for templates validate --classpath. */
public class EchoStep implements StepHandler {

    @Override
    public Map<String, Object> handle(StepContext context) {
        return Map.of();
    }
}
