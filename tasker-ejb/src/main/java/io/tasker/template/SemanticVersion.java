package io.tasker.template;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template version, {@code MAJOR.MINOR.PATCH}. Versions order numerically ({@code 10.0.0} after {@code 9.0.0}),
 * which is what "the latest version" means.
 */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    private static final Pattern FORMAT = Pattern.compile("(0|[1-9]\\d{0,3})\\.(0|[1-9]\\d{0,3})\\.(0|[1-9]\\d{0,3})");
    private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
            .thenComparingInt(SemanticVersion::minor)
            .thenComparingInt(SemanticVersion::patch);

    /** The version of a template that names none, as in the original. */
    public static final SemanticVersion DEFAULT = new SemanticVersion(0, 1, 0);

    /**
     * Parses {@code MAJOR.MINOR.PATCH}: three numbers without leading zeros, at most 16 characters in all.
     *
     * @throws IllegalArgumentException naming the text when it is not such a version
     */
    public static SemanticVersion parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0)");
        }
        return new SemanticVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
