package io.tasker.registry;

import io.tasker.template.TaskKey;
import io.tasker.template.TaskTemplate;
import io.tasker.template.TemplateException;
import io.tasker.template.TemplateParser;
import io.tasker.template.TemplateSources.TemplateSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses a set of template files and checks that no two of them define the same namespace, name and version. */
public final class TemplateLoader {

    private final TemplateParser parser;

    public TemplateLoader(TemplateParser parser) {
        this.parser = parser;
    }

    /**
     * @throws TemplateException for the first template that is invalid or defines a key another one already did
     */
    public List<TaskTemplate> load(List<TemplateSource> sources) {
        Map<TaskKey, TaskTemplate> byKey = new HashMap<>();
        List<TaskTemplate> templates = new ArrayList<>();
        for (TemplateSource source : sources) {
            TaskTemplate template = parser.parse(source.location(), source.yaml());
            TaskTemplate earlier = byKey.putIfAbsent(
                    template.key(), template);
            if (earlier != null) {
                throw new TemplateException(source.location(), template.fullName() + " is already defined by "
                        + earlier.source());
            }
            templates.add(template);
        }
        return templates;
    }
}
