package io.tasker.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:default}} in the strings of a YAML tree. Values come
 * from a lookup (MicroProfile Config in the server, so environment variables and system properties count); a
 * placeholder with no value and no default is an error naming the variable.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");

    private final Function<String, Optional<String>> lookup;

    Placeholders(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** Returns a copy of the tree with every placeholder in every string (keys excluded) expanded. */
    Object expand(Object node, String where) {
        if (node instanceof String text) {
            return expandText(text, where);
        }
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, expand(value, where + "." + key)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(expand(list.get(i), where + "[" + i + "]"));
            }
            return copy;
        }
        return node;
    }

    private String expandText(String text, String where) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String fallback = matcher.group(2);
            String value = lookup.apply(name)
                    .or(() -> Optional.ofNullable(fallback))
                    .orElseThrow(() -> new IllegalArgumentException("placeholder ${" + name + "} at " + where
                            + " has no value: set " + name + " (environment variable or MicroProfile Config)"
                            + " or give a default as ${" + name + ":default}"));
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }
}
