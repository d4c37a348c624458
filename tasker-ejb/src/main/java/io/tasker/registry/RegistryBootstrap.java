package io.tasker.registry;

import io.tasker.api.StepHandler;
import io.tasker.config.TaskerSettings;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import io.tasker.template.TemplateException;
import io.tasker.template.TemplateParser;
import io.tasker.template.TemplateSources;
import io.tasker.template.TemplateSources.TemplateSource;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Registers every task template at boot: those under {@code META-INF/tasker/tasks} on the application's
 * classpath and those in {@code tasker.templates.dir}. A template that is invalid, names a handler that is not a
 * {@link StepHandler} bean, or has an invalid schema stops deployment with a message naming its file and step.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class RegistryBootstrap {

    private static final Logger LOG = Logger.getLogger(RegistryBootstrap.class.getName());

    @Inject
    private TaskerSettings settings;

    @Inject
    private Config config;

    @Inject
    private HandlerRegistry registry;

    @Inject
    private HandlerBeans handlerBeans;

    @Inject
    private DefinitionStore definitions;

    @Inject
    private Event<TemplatesRegistered> registered;

    @PostConstruct
    void registerTemplates() {
        try {
            TemplateParser parser = new TemplateParser(settings.environment(),
                    name -> config.getOptionalValue(name, String.class));
            List<TaskTemplate> templates = new TemplateLoader(parser).load(sources());
            for (TaskTemplate template : templates) {
                DefinitionStore.DefinitionIds ids = definitions.record(template);
                registry.register(new RegisteredTask(template, handlers(template), ContextSchema.of(template).orElse(null),
                        ids.namedTaskId(), ids.namedStepIds()), false);
            }
            LOG.info(() -> "TASKER-REG-001 registered " + templates.size() + " task templates: "
                    + templates.stream().map(TaskTemplate::fullName).sorted().toList());
            registered.fire(new TemplatesRegistered(templates.size()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "TASKER-REG-002 task templates rejected, deployment stops: " + e.getMessage(), e);
            throw e;
        }
    }

    private List<TemplateSource> sources() {
        List<TemplateSource> sources = new ArrayList<>(TemplateSources.fromClasspath(
                Thread.currentThread().getContextClassLoader(), TemplateSources.CLASSPATH_ROOT));
        settings.templatesDirectory().ifPresent(directory -> sources.addAll(TemplateSources.fromDirectory(directory)));
        return sources;
    }

    private Map<String, StepHandler> handlers(TaskTemplate template) {
        Map<String, StepHandler> handlers = new HashMap<>();
        for (StepTemplate step : template.steps()) {
            try {
                handlers.put(step.name(), handlerBeans.resolve(step.handlerClass()));
            } catch (IllegalArgumentException e) {
                throw new TemplateException(template.source(), step.name(), e.getMessage());
            }
        }
        return handlers;
    }
}
