package io.tasker.registry;

import io.tasker.template.TaskTemplate;
import java.util.Map;

/**
 * Where a template's definitions are recorded (namespace, named task, dependent systems, named steps): the rows a
 * task of the template refers to.
 */
public interface DefinitionStore {

    /** The database ids of one template's definitions. */
    record DefinitionIds(int namedTaskId, Map<String, Integer> namedStepIds) {
    }

    /** Records the template's definitions, creating those that are missing; safe when several nodes boot at once. */
    DefinitionIds record(TaskTemplate template);
}
