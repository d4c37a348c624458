package io.tasker.telemetry;

import io.tasker.config.TaskerSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Switches the engine's logging (the {@code io.tasker} loggers) to JSON lines when {@code tasker.log.format=json}:
 * from deployment to undeployment its records go to {@link JsonLogLines} instead of the server's log. With
 * {@code text} the server's own format is kept.
 */
@Singleton
@Startup
public class LogFormat {

    // Held here: java.util.logging keeps loggers only weakly, and the handler must stay on this one.
    private static final Logger ENGINE = Logger.getLogger("io.tasker");

    @Inject
    private TaskerSettings settings;

    private JsonLogLines lines;

    @PostConstruct
    void install() {
        if (settings.jsonLogs()) {
            lines = JsonLogLines.toStandardOutput(settings.nodeName());
            ENGINE.addHandler(lines);
            ENGINE.setUseParentHandlers(false);
        }
    }

    @PreDestroy
    void uninstall() {
        if (lines != null) {
            ENGINE.removeHandler(lines);
            ENGINE.setUseParentHandlers(true);
        }
    }
}
