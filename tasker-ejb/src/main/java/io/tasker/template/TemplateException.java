package io.tasker.template;

/** A task template that cannot be used; the message names the file and, where it applies, the step. */
public class TemplateException extends RuntimeException {

    private final String source;
    private final String step;

    public TemplateException(String source, String step, String problem) {
        super(describe(source, step, problem));
        this.source = source;
        this.step = step;
    }

    public TemplateException(String source, String problem) {
        this(source, null, problem);
    }

    /** Where the template came from: a file path or a classpath resource. */
    public String source() {
        return source;
    }

    /** The step the problem is in, or null when it concerns the template as a whole. */
    public String step() {
        return step;
    }

    private static String describe(String source, String step, String problem) {
        return "Invalid task template " + source + (step == null ? "" : " (step '" + step + "')") + ": " + problem;
    }
}
