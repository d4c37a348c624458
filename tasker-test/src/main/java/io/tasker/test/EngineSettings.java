package io.tasker.test;

import io.tasker.config.SizeLimit;
import io.tasker.config.TaskerSettings;
import io.tasker.orchestration.finalization.FinalizationPolicy;
import io.tasker.retry.BackoffPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * The engine settings a test run applies: the engine's own defaults, read from the configuration file its jar
 * carries, with the test's overrides on top. Environment variables are not read, so a test runs the same wherever
 * it runs.
 */
final class EngineSettings {

    private static final String DEFAULTS = "META-INF/microprofile-config.properties";

    private final Map<String, String> values;

    private EngineSettings(Map<String, String> values) {
        this.values = values;
    }

    static EngineSettings defaults() {
        Properties defaults = new Properties();
        try (InputStream in = engineDefaults().openStream()) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the engine's default settings", e);
        }
        Map<String, String> values = new HashMap<>();
        defaults.stringPropertyNames().forEach(key -> values.put(key, defaults.getProperty(key)));
        return new EngineSettings(values);
    }

    // The engine jar's own file: a workflow project's classpath may hold other files of the same name.
    private static URL engineDefaults() {
        try {
            URI location = TaskerSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            String base = location.toString();
            return base.endsWith(".jar") ? new URL("jar:" + base + "!/" + DEFAULTS) : location.resolve(DEFAULTS).toURL();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot find the engine's default settings", e);
        }
    }

    EngineSettings with(String key, String value) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("'" + key + "' is not an engine setting; the settings are "
                    + values.keySet().stream().filter(name -> name.startsWith("tasker.")).sorted().toList());
        }
        Map<String, String> changed = new HashMap<>(values);
        changed.put(key, value);
        return new EngineSettings(changed);
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    String environment() {
        return values.get("tasker.environment");
    }

    BackoffPolicy backoff(long seed) {
        List<Duration> progression = Arrays.stream(text("tasker.backoff.default-backoff-seconds").split(","))
                .map(String::strip)
                .map(EngineSettings::duration)
                .toList();
        double jitter = Boolean.parseBoolean(text("tasker.backoff.jitter-enabled"))
                ? Double.parseDouble(text("tasker.backoff.jitter-max-percentage")) : 0;
        return new BackoffPolicy(progression, Double.parseDouble(text("tasker.backoff.multiplier")),
                seconds("tasker.backoff.max-backoff-seconds"), jitter, new SplittableRandom(seed));
    }

    FinalizationPolicy finalization() {
        return new FinalizationPolicy(seconds("tasker.backoff.buffer-seconds"), seconds("tasker.backoff.max-backoff-seconds"),
                seconds("tasker.step.lease-seconds"), seconds("tasker.reenqueue.waiting-delay-seconds"));
    }

    Duration stepTimeout() {
        return seconds("tasker.step.timeout-seconds");
    }

    SizeLimit resultsLimit() {
        return new SizeLimit("tasker.step.max-results-bytes", Integer.parseInt(text("tasker.step.max-results-bytes")));
    }

    private Duration seconds(String key) {
        try {
            return duration(text(key));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a number of seconds, got '" + text(key) + "'", e);
        }
    }

    private static Duration duration(String seconds) {
        return Duration.ofMillis(new BigDecimal(seconds).movePointRight(3).longValueExact());
    }

    private String text(String key) {
        return value(key).orElseThrow(() -> new IllegalStateException("the engine has no default for " + key));
    }
}
