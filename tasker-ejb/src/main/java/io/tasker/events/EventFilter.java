package io.tasker.events;

import java.util.List;
import java.util.Set;

/**
 * Which events a subscriber asked for: names ({@code task.completed}), a category's events ({@code step.*}), or
 * every event ({@code *}).
 */
public final class EventFilter {

    private final List<String> names;
    private final List<String> categories;
    private final boolean everything;

    private EventFilter(List<String> names, List<String> categories, boolean everything) {
        this.names = names;
        this.categories = categories;
        this.everything = everything;
    }

    /**
     * @throws IllegalArgumentException naming the first entry that is none of the three forms
     */
    public static EventFilter of(Set<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            throw new IllegalArgumentException("asks for no event");
        }
        for (String pattern : patterns) {
            if (pattern == null || !pattern.matches("\\*|[a-z][a-z0-9_]*\\.(\\*|[a-z0-9_.]+)")) {
                throw new IllegalArgumentException("asks for '" + pattern + "': an event is named as "
                        + "<category>.<name> (task.completed), a category's events as <category>.* (step.*), "
                        + "every event as *");
            }
        }
        return new EventFilter(patterns.stream().filter(pattern -> !pattern.endsWith("*")).toList(),
                patterns.stream().filter(pattern -> pattern.endsWith(".*"))
                        .map(pattern -> pattern.substring(0, pattern.length() - 1)).toList(),
                patterns.contains("*"));
    }

    public boolean matches(String event) {
        return everything || names.contains(event) || categories.stream().anyMatch(event::startsWith);
    }
}
