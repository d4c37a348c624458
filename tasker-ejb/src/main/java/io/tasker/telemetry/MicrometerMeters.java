package io.tasker.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;

/**
 * The engine's metrics in the server's Micrometer registry (WildFly, whose Prometheus registry serves them on its
 * management interface). Not a bean of the application, so that a server without Micrometer never loads it:
 * {@link MetersProducer} creates and injects it when the server has a registry.
 *
 * <p>Meters are made with the registry's own methods, not Micrometer's builders: WildFly's application registry
 * passes those on to the registry it serves and keeps what the builders register to itself. So no description
 * comes with a meter, and a gauge of seconds carries its unit in its name, as the other registries serve it.
 */
final class MicrometerMeters implements Meters {

    // The registry holds a gauge's reading weakly: these keep them for as long as the application runs.
    private final List<DoubleSupplier> readings = new CopyOnWriteArrayList<>();

    private final MeterRegistry registry;

    @Inject
    MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Counter counter(String name, String description, Map<String, String> labels) {
        return registry.counter(name, tags(labels))::increment;
    }

    @Override
    public Timer timer(String name, String description, Map<String, String> labels) {
        return registry.timer(name, tags(labels))::record;
    }

    @Override
    public void gauge(String name, String description, boolean seconds, Map<String, String> labels,
                      DoubleSupplier reading) {
        readings.add(reading);
        registry.gauge(seconds ? name + "_seconds" : name, tags(labels), reading, DoubleSupplier::getAsDouble);
    }

    private static List<Tag> tags(Map<String, String> labels) {
        return labels.entrySet().stream().map(label -> Tag.of(label.getKey(), label.getValue())).toList();
    }
}
