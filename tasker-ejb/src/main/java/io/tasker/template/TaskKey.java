package io.tasker.template;

/** The identity of a task template: namespace, name and version. */
public record TaskKey(String namespace, String name, SemanticVersion version) {

    /** {@code namespace.name@version}. */
    public String fullName() {
        return namespace + "." + name + "@" + version;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
