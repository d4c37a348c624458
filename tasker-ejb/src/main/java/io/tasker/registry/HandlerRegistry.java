package io.tasker.registry;

import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.NotFoundException;
import io.tasker.template.SemanticVersion;
import io.tasker.template.TaskKey;
import io.tasker.template.TemplateParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every registered task, by namespace, then name, then semantic version. Safe for concurrent use; registering
 * a key that exists fails unless {@code replace} is asked for.
 */
@ApplicationScoped
public class HandlerRegistry {

    private final ConcurrentMap<String, ConcurrentMap<String, ConcurrentSkipListMap<SemanticVersion, RegisteredTask>>>
            tasks = new ConcurrentHashMap<>();

    /**
     * Adds a task, or replaces the one with the same key when {@code replace} is true.
     *
     * @throws IllegalStateException when the key is taken and {@code replace} is false
     */
    public void register(RegisteredTask task, boolean replace) {
        TaskKey key = task.key();
        NavigableMap<SemanticVersion, RegisteredTask> versions = tasks
                .computeIfAbsent(key.namespace(), namespace -> new ConcurrentHashMap<>())
                .computeIfAbsent(key.name(), name -> new ConcurrentSkipListMap<>());
        if (replace) {
            versions.put(key.version(), task);
        } else if (versions.putIfAbsent(key.version(), task) != null) {
            throw new IllegalStateException("task " + key.fullName() + " is already registered (from "
                    + versions.get(key.version()).template().source() + "); register it with replace to override");
        }
    }

    /** The task with exactly this key. */
    public Optional<RegisteredTask> find(TaskKey key) {
        return Optional.ofNullable(versionsOf(key.namespace(), key.name()).get(key.version()));
    }

    /**
     * Resolves what a request names: the namespace defaults to {@code default}; without a version the highest
     * registered version is used, with one it must match exactly.
     *
     * @throws InvalidRequestException when the version is not a semantic version
     * @throws NotFoundException when no such task (or version) is registered
     */
    public RegisteredTask resolve(String namespace, String name, String version) {
        String effectiveNamespace = namespace == null ? TemplateParser.DEFAULT_NAMESPACE : namespace;
        NavigableMap<SemanticVersion, RegisteredTask> versions = versionsOf(effectiveNamespace, name);
        if (versions.isEmpty()) {
            throw new NotFoundException("no task named '" + name + "' is registered in namespace '"
                    + effectiveNamespace + "'");
        }
        if (version == null) {
            return versions.lastEntry().getValue();
        }
        SemanticVersion wanted;
        try {
            wanted = SemanticVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("version", e.getMessage());
        }
        RegisteredTask task = versions.get(wanted);
        if (task == null) {
            throw new NotFoundException("task " + effectiveNamespace + "." + name + " has no version " + wanted
                    + " (registered: " + versions.keySet() + ")");
        }
        return task;
    }

    /** Every registered task, every version. */
    public List<RegisteredTask> all() {
        return tasks.values().stream()
                .map(Map::values)
                .flatMap(Collection::stream)
                .flatMap(versions -> versions.values().stream())
                .toList();
    }

    private NavigableMap<SemanticVersion, RegisteredTask> versionsOf(String namespace, String name) {
        return tasks.getOrDefault(namespace, new ConcurrentHashMap<>()).getOrDefault(name, new ConcurrentSkipListMap<>());
    }
}
