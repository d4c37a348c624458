package io.tasker.config;

import java.util.List;

/** Settings that cannot be used; deployment stops with every problem listed, each naming its key. */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(List<String> problems) {
        super("TASKER-CONF-001 invalid Tasker configuration: " + String.join("; ", problems));
    }
}
