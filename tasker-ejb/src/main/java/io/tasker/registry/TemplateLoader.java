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

    /** The templates that passed every check, and what is wrong with each of the others, in the sources' order. */
    public record Checked(List<TaskTemplate> templates, List<TemplateException> problems) {

        public Checked {
            templates = List.copyOf(templates);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Parses and checks every template: the template's own rules, its context schema and its events' payload
     * schemas, and that no two templates define the same namespace, name and version.
     */
    public Checked check(List<TemplateSource> sources) {
        Map<TaskKey, TaskTemplate> byKey = new HashMap<>();
        List<TaskTemplate> templates = new ArrayList<>();
        List<TemplateException> problems = new ArrayList<>();
        for (TemplateSource source : sources) {
            try {
                TaskTemplate template = parser.parse(source.location(), source.yaml());
                ContextSchema.of(template);
                EventPayloads.of(template);
                TaskTemplate earlier = byKey.putIfAbsent(template.key(), template);
                if (earlier != null) {
                    throw new TemplateException(source.location(), template.fullName() + " is already defined by "
                            + earlier.source());
                }
                templates.add(template);
            } catch (TemplateException e) {
                problems.add(e);
            }
        }
        return new Checked(templates, problems);
    }

    /**
     * @throws TemplateException for the first template that is invalid or defines a key another one already did
     */
    public List<TaskTemplate> load(List<TemplateSource> sources) {
        Checked checked = check(sources);
        if (!checked.problems().isEmpty()) {
            throw checked.problems().get(0);
        }
        return checked.templates();
    }
}
