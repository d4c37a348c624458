package io.tasker.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads and checks settings by key, collecting every problem (naming its key) instead of stopping at the first,
 * so one failed boot shows everything that needs fixing.
 */
final class SettingsReader {

    private final Function<String, Optional<String>> source;
    private final List<String> problems = new ArrayList<>();

    SettingsReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    Optional<String> optionalText(String key) {
        return source.apply(key).map(String::trim).filter(text -> !text.isEmpty());
    }

    String text(String key) {
        return optionalText(key).orElseGet(() -> {
            problems.add(key + " is required");
            return "";
        });
    }

    /** One of the allowed values. */
    String choice(String key, List<String> allowed) {
        String text = text(key);
        if (!allowed.contains(text)) {
            problems.add(key + " must be one of " + String.join(", ", allowed) + ", got '" + text + "'");
        }
        return text;
    }

    boolean bool(String key) {
        String text = text(key);
        if (!text.equals("true") && !text.equals("false")) {
            problems.add(key + " must be true or false, got '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    int integer(String key, int min, int max) {
        String text = text(key);
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                problems.add(key + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a whole number, got '" + text + "'");
            return min;
        }
    }

    double decimal(String key, double min, double max) {
        String text = text(key);
        try {
            double value = Double.parseDouble(text);
            if (!(value >= min && value <= max)) {
                problems.add(key + " must be between " + min + " and " + max + ", got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a number, got '" + text + "'");
            return min;
        }
    }

    /** A duration in (possibly fractional) seconds, within [min, max]. */
    Duration seconds(String key, Duration min, Duration max) {
        return parseSeconds(key, text(key), min, max);
    }

    /** A comma-separated list of durations in seconds, each within [min, max]; at least one. */
    List<Duration> secondsList(String key, Duration min, Duration max) {
        List<Duration> values = new ArrayList<>();
        for (String item : text(key).split(",")) {
            if (!item.isBlank()) {
                values.add(parseSeconds(key, item.trim(), min, max));
            }
        }
        if (values.isEmpty()) {
            problems.add(key + " must list at least one number of seconds");
        }
        return values;
    }

    /**
     * The value read by {@code parser}, which says what is wrong with it by throwing IllegalArgumentException;
     * {@code fallback} when it did.
     */
    <T> T parsed(String key, Function<String, T> parser, T fallback) {
        String text = text(key);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(key + " " + e.getMessage());
            return fallback;
        }
    }

    /** Checks a setting that may be absent with {@code check}, which throws IllegalArgumentException saying why. */
    void checkIfPresent(String key, Consumer<String> check) {
        optionalText(key).ifPresent(text -> {
            try {
                check.accept(text);
            } catch (IllegalArgumentException e) {
                problems.add(key + " " + e.getMessage());
            }
        });
    }

    /** Requires exactly one of two settings. */
    void exactlyOne(String key, String otherKey) {
        boolean first = optionalText(key).isPresent();
        if (first == optionalText(otherKey).isPresent()) {
            problems.add((first ? "set only one of " : "one of these is required: ") + key + ", " + otherKey);
        }
    }

    /** Fails with every problem found so far, if any. */
    void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private Duration parseSeconds(String key, String text, Duration min, Duration max) {
        try {
            Duration value = Duration.ofMillis(new BigDecimal(text).movePointRight(3).longValueExact());
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                problems.add(key + " must be between " + min.toMillis() / 1000.0 + " and " + max.toMillis() / 1000.0
                        + " seconds, got " + text);
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(key + " must be a number of seconds with at most millisecond precision, got '" + text + "'");
            return min;
        }
    }
}
