package io.tasker.bench;

import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import io.tasker.template.TemplateParser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workload's workflow as the peer runs it: the DAG of the very template Tasker runs (read from tasker-examples
 * with Tasker's parser), and the failures its context scripts ({@code fail_times}, {@code retry_after_ms}).
 */
final class PeerWorkflow {

    private final List<String> roots = new ArrayList<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, Integer> parents = new HashMap<>();
    private final String last;
    private final Map<String, Integer> failures = new HashMap<>();
    private final Duration retryAfter;

    private PeerWorkflow(TaskTemplate template, JsonObject context) {
        List<String> leaves = new ArrayList<>();
        for (StepTemplate step : template.steps()) {
            parents.put(step.name(), step.dependsOn().size());
            children.putIfAbsent(step.name(), new ArrayList<>());
            step.dependsOn().forEach(parent -> children.computeIfAbsent(parent, any -> new ArrayList<>())
                    .add(step.name()));
            if (step.dependsOn().isEmpty()) {
                roots.add(step.name());
            }
        }
        template.steps().stream().map(StepTemplate::name).filter(name -> children.get(name).isEmpty())
                .forEach(leaves::add);
        if (leaves.size() != 1) {
            throw new IllegalArgumentException(template.fullName() + " needs exactly one last step to run on the "
                    + "peer, has " + leaves);
        }
        this.last = leaves.get(0);
        JsonObject failTimes = context.getJsonObject("fail_times");
        if (failTimes != null) {
            failTimes.forEach((step, times) -> failures.put(step, Integer.parseInt(times.toString())));
        }
        JsonObject waits = context.getJsonObject("retry_after_ms");
        this.retryAfter = waits == null || waits.isEmpty() ? Duration.ofSeconds(1)
                : Duration.ofMillis(Long.parseLong(waits.values().iterator().next().toString()));
    }

    static PeerWorkflow of(Workload workload) {
        String resource = "META-INF/tasker/tasks/bench/" + workload.template() + ".yaml";
        try (InputStream in = PeerWorkflow.class.getClassLoader().getResourceAsStream(resource);
             JsonReader context = Json.createReader(new StringReader(workload.context()))) {
            if (in == null) {
                throw new IllegalStateException("no template " + resource + " on the class path");
            }
            TaskTemplate template = new TemplateParser("development", name -> Optional.empty())
                    .parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new PeerWorkflow(template, context.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    List<String> roots() {
        return roots;
    }

    List<String> children(String step) {
        return children.get(step);
    }

    int parents(String step) {
        return parents.get(step);
    }

    boolean isLast(String step) {
        return last.equals(step);
    }

    /** How many of the step's first attempts fail, as scripted. */
    int failures(String step) {
        return failures.getOrDefault(step, 0);
    }

    /** The wait before a failed attempt is retried: the scripted retry-after, else 1 s. */
    Duration retryAfter() {
        return retryAfter;
    }
}
