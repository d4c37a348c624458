package io.tasker.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph of a template's steps. Building it checks that it is a DAG: step names are unique, every
 * dependency names a step of the template, and no step depends on itself through any path.
 */
public final class StepGraph {

    private final Map<String, StepTemplate> steps;
    private final List<String> order;

    private StepGraph(Map<String, StepTemplate> steps, List<String> order) {
        this.steps = steps;
        this.order = order;
    }

    /**
     * Checks the steps of the template read from {@code source}.
     *
     * @throws TemplateException naming the step at fault: a duplicate name, an unknown dependency or a cycle
     */
    public static StepGraph of(String source, List<StepTemplate> templates) {
        Map<String, StepTemplate> byName = new LinkedHashMap<>();
        for (StepTemplate step : templates) {
            if (byName.putIfAbsent(step.name(), step) != null) {
                throw new TemplateException(source, step.name(), "duplicate step name");
            }
        }
        for (StepTemplate step : templates) {
            for (String dependency : step.dependsOn()) {
                if (dependency.equals(step.name())) {
                    throw new TemplateException(source, step.name(), "a step cannot depend on itself");
                }
                if (!byName.containsKey(dependency)) {
                    throw new TemplateException(source, step.name(), "depends on unknown step '" + dependency + "'");
                }
            }
        }
        return new StepGraph(byName, topologicalOrder(source, byName));
    }

    /** Step names such that every step comes after all the steps it depends on. */
    public List<String> topologicalOrder() {
        return order;
    }

    /** Steps that depend on nothing. */
    public List<String> roots() {
        return order.stream().filter(name -> steps.get(name).dependsOn().isEmpty()).toList();
    }

    /** Steps nothing depends on. */
    public List<String> leaves() {
        Set<String> depended = new HashSet<>();
        steps.values().forEach(step -> depended.addAll(step.dependsOn()));
        return order.stream().filter(name -> !depended.contains(name)).toList();
    }

    /** Each step's dependency level: 0 for a root, else one more than its deepest dependency. */
    public Map<String, Integer> levels() {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (String name : order) {
            levels.put(name, steps.get(name).dependsOn().stream().mapToInt(levels::get).map(level -> level + 1)
                    .max().orElse(0));
        }
        return levels;
    }

    // Depth-first walk; a step met again while still on the path closes a cycle, reported as a path of names.
    private static List<String> topologicalOrder(String source, Map<String, StepTemplate> byName) {
        List<String> order = new ArrayList<>(byName.size());
        Set<String> done = new HashSet<>();
        Map<String, Integer> onPath = new HashMap<>();
        List<String> path = new ArrayList<>();
        for (String name : byName.keySet()) {
            visit(source, name, byName, done, onPath, path, order);
        }
        return List.copyOf(order);
    }

    private static void visit(String source, String name, Map<String, StepTemplate> byName, Set<String> done,
                              Map<String, Integer> onPath, List<String> path, List<String> order) {
        if (done.contains(name)) {
            return;
        }
        Integer start = onPath.get(name);
        if (start != null) {
            List<String> cycle = new ArrayList<>(path.subList(start, path.size()));
            cycle.add(name);
            throw new TemplateException(source, name, "dependency cycle: " + String.join(" -> ", cycle));
        }
        onPath.put(name, path.size());
        path.add(name);
        for (String dependency : byName.get(name).dependsOn()) {
            visit(source, dependency, byName, done, onPath, path, order);
        }
        path.remove(path.size() - 1);
        onPath.remove(name);
        done.add(name);
        order.add(name);
    }
}
