package io.tasker.telemetry;

import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The engine's metrics in the server's MicroProfile Metrics application registry (Payara), which serves them at
 * {@code /metrics} and, through Tasker, at {@code /tasker/metrics}. Not a bean of the application, so that a server
 * without MicroProfile Metrics never loads it: {@link MetersProducer} creates and injects it when the server has them.
 */
final class MicroProfileMeters implements Meters {

    // Injected by MetersProducer (the server's producer reads the scope from the injection point).
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    @Override
    public Counter counter(String name, String description, Map<String, String> labels) {
        return registry.counter(metadata(name, description, MetricUnits.NONE), tags(labels))::inc;
    }

    @Override
    public Timer timer(String name, String description, Map<String, String> labels) {
        return registry.timer(metadata(name, description, MetricUnits.NANOSECONDS), tags(labels))::update;
    }

    @Override
    public void gauge(String name, String description, boolean seconds, Map<String, String> labels,
                      DoubleSupplier reading) {
        registry.gauge(metadata(name, description, seconds ? MetricUnits.SECONDS : MetricUnits.NONE), reading,
                DoubleSupplier::getAsDouble, tags(labels));
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }

    private static Tag[] tags(Map<String, String> labels) {
        return labels.entrySet().stream().map(label -> new Tag(label.getKey(), label.getValue())).toArray(Tag[]::new);
    }
}
