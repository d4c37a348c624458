package io.tasker.bench;

import java.util.List;
import java.util.Map;

/**
 * The benchmark workloads: templates of namespace {@code bench} (shipped in tasker-examples) run by no-op handlers.
 * W4 scripts its middle step to fail twice, each retry due 1 s later, so no run can finish in under 2 s.
 */
public enum Workload {

    W1("w1_linear", List.of("s1", "s2", "s3", "s4", "s5"), "{}", Map.of(), 1000),
    W2("w2_diamond", List.of("a", "b", "c", "d"), "{}", Map.of(), 1000),
    W3("w3_fanout", List.of("a", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "z"), "{}", Map.of(), 1000),
    W4("w4_retry", List.of("s1", "s2", "s3"), """
            {"fail_times": {"s2": 2}, "retry_after_ms": {"s2": 1000}}""", Map.of("s2", 3), 200);

    private final String template;
    private final List<String> steps;
    private final String context;
    private final Map<String, Integer> scriptedAttempts;
    private final int defaultCount;

    Workload(String template, List<String> steps, String context, Map<String, Integer> scriptedAttempts,
             int defaultCount) {
        this.template = template;
        this.steps = steps;
        this.context = context;
        this.scriptedAttempts = scriptedAttempts;
        this.defaultCount = defaultCount;
    }

    /** The body of a creation request for one workflow. */
    public String request() {
        return """
                {"name": "%s", "namespace": "bench", "version": "1.0.0", "context": %s}""".formatted(template, context);
    }

    /** The context of each workflow: what it scripts (W4's failures and their waits). */
    public String context() {
        return context;
    }

    public List<String> steps() {
        return steps;
    }

    /** How many attempts the step takes when everything goes as scripted. */
    public int expectedAttempts(String step) {
        return scriptedAttempts.getOrDefault(step, 1);
    }

    /** How many workflows a run submits unless told otherwise. */
    public int defaultCount() {
        return defaultCount;
    }

    public String template() {
        return template;
    }
}
