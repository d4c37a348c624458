package io.tasker.template;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An event a template declares so that its handlers may publish it and subscribers may observe it
 * (docs/events.md).
 *
 * @param name {@code <category>.<name>}, lower case: letters, digits and underscores in each dot-separated part, the
 *     category neither {@code task} nor {@code step} (Tasker's own)
 * @param payloadSchema the JSON Schema the payload of each publication must satisfy; empty for any JSON object
 */
public record CustomEventDefinition(String name, String description, Optional<Map<String, Object>> payloadSchema) {

    /** The rule a custom event's name follows. */
    public static final Pattern NAME = Pattern.compile("(?!task\\.|step\\.)[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    /** What {@link #NAME} says, for messages. */
    public static final String NAME_RULE = "<category>.<name> in lower case (letters, digits, underscores), the "
            + "category neither task nor step, for example order.shipped";
}
