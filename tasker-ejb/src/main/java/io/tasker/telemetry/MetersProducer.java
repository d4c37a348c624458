package io.tasker.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * Picks, once per deployment, where the engine's metrics go: the server's MicroProfile Metrics when it has them
 * (Payara), else its Micrometer registry (WildFly); otherwise they are not recorded, which the node says once at
 * boot ({@code TASKER-TEL-001}). The implementation for a facility is loaded by name only when the server has that
 * facility, so a server without it never loads a class that needs its API.
 */
@ApplicationScoped
public class MetersProducer {

    private static final Logger LOG = Logger.getLogger(MetersProducer.class.getName());
    private static final String MICROPROFILE_METRICS = "org.eclipse.microprofile.metrics.MetricRegistry";
    private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

    /** Records nothing. */
    private static final Meters NONE = new Meters() {
        @Override
        public Counter counter(String name, String description, Map<String, String> labels) {
            return () -> { };
        }

        @Override
        public Timer timer(String name, String description, Map<String, String> labels) {
            return duration -> { };
        }

        @Override
        public void gauge(String name, String description, boolean seconds, Map<String, String> labels,
                          DoubleSupplier reading) {
            // Nothing reads it.
        }
    };

    @Produces
    @ApplicationScoped
    Meters meters() {
        if (offers(MICROPROFILE_METRICS)) {
            return create("io.tasker.telemetry.MicroProfileMeters");
        }
        if (offers(MICROMETER)) {
            return create("io.tasker.telemetry.MicrometerMeters");
        }
        LOG.warning("TASKER-TEL-001 this server offers the application neither a MicroProfile Metrics nor a "
                + "Micrometer registry: Tasker's metrics are not recorded (docs/observability.md)");
        return NONE;
    }

    // Whether the application sees the API and the server has a bean of it.
    private static boolean offers(String type) {
        try {
            return CDI.current().select(Class.forName(type, false, MetersProducer.class.getClassLoader()))
                    .isResolvable();
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    // An instance of the class, its injection points filled as a bean's would be.
    @SuppressWarnings("unchecked")
    private static Meters create(String implementation) {
        try {
            Class<? extends Meters> type = (Class<? extends Meters>) Class.forName(implementation);
            return new Unmanaged<>(type).newInstance().produce().inject().postConstruct().get();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the application lacks " + implementation, e);
        }
    }
}
