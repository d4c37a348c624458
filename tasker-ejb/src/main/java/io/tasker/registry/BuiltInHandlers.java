package io.tasker.registry;

import io.tasker.api.http.HttpStepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Makes the step handlers {@code tasker-api} ships CDI beans of the application, so a template can name them as it
 * names its own: {@code tasker-api} depends on the JDK alone and carries no CDI annotation or {@code beans.xml}.
 */
public class BuiltInHandlers implements Extension {

    void addBuiltInHandlers(@Observes BeforeBeanDiscovery discovery) {
        discovery.addAnnotatedType(HttpStepHandler.class, BuiltInHandlers.class.getName() + ".http")
                .add(ApplicationScoped.Literal.INSTANCE);
    }
}
