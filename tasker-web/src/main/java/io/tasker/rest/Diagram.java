package io.tasker.rest;

import io.tasker.readmodel.StepError;
import io.tasker.readmodel.TaskDetail;
import io.tasker.readmodel.WorkflowStep;
import io.tasker.template.StepGraph;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A task's steps (or a template's) as a graph to draw: a node per step, in dependency order, coloured by its state,
 * and an edge from each step to each step that depends on it. Answered as this JSON or as a Mermaid flowchart
 * ({@link #toMermaid()}).
 *
 * @param title what the diagram shows
 * @param direction the flowchart's direction: {@code TD}, top down
 */
public record Diagram(String title, String direction, List<Node> nodes, List<Edge> edges) {

    /**
     * The media types a diagram is answered in: Mermaid text is preferred when a request accepts any (a JAX-RS
     * {@code qs} weight), so that {@code curl} prints the chart.
     */
    public static final String MERMAID = "text/vnd.mermaid";
    public static final String PLAIN_TEXT = "text/plain;qs=0.9";
    public static final String JSON = "application/json;qs=0.8";

    /** The colour of a step's node by its state; a template's steps have none. */
    private static final Map<String, String> COLOURS = Map.of(
            "pending", "#add8e6",
            "in_progress", "#90ee90",
            "complete", "#2e7d32",
            "error", "#d32f2f",
            "cancelled", "#9e9e9e",
            "resolved_manually", "#00897b");
    private static final String TEMPLATE_COLOUR = "#eceff1";
    // How much of a failure's message a node shows: the step's own read has it whole.
    private static final int ERROR_SHOWN = 60;

    /**
     * One step.
     *
     * @param id the node's id in the diagram
     * @param stepId the step's id (null for a template's step)
     * @param status the step's state (null for a template's step)
     * @param attempts attempts made (null for a template's step)
     * @param lastError the start of the message of its last failure while it is in error
     * @param colour its fill colour
     */
    public record Node(String id, Long stepId, String name, String status, Integer attempts, String lastError,
                       String colour) {
    }

    /** A dependency: {@code to} runs after {@code from}. */
    public record Edge(String from, String to) {
    }

    static Diagram ofTask(TaskDetail detail) {
        List<Node> nodes = detail.stepsInOrder().stream().map(step -> node(step, detail)).toList();
        List<Edge> edges = detail.stepsInOrder().stream()
                .flatMap(step -> detail.childrenOf(step).stream().map(child -> new Edge(stepNode(step.id()),
                        stepNode(child))))
                .toList();
        return new Diagram("Task " + detail.task().id() + ": " + detail.task().namedTask().fullName(), "TD", nodes,
                edges);
    }

    static Diagram ofTemplate(TaskTemplate template) {
        List<String> order = StepGraph.of(template.source(), template.steps()).topologicalOrder();
        Map<String, String> ids = new HashMap<>();
        order.forEach(name -> ids.put(name, "step_" + ids.size()));
        Map<String, StepTemplate> steps = template.steps().stream()
                .collect(Collectors.toMap(StepTemplate::name, Function.identity()));
        List<Node> nodes = order.stream()
                .map(name -> new Node(ids.get(name), null, name, null, null, null, TEMPLATE_COLOUR))
                .toList();
        List<Edge> edges = order.stream()
                .flatMap(name -> steps.get(name).dependsOn().stream().map(parent -> new Edge(ids.get(parent),
                        ids.get(name))))
                .toList();
        return new Diagram(template.fullName(), "TD", nodes, edges);
    }

    /** The diagram as Mermaid flowchart text: every label escaped, so no name or message can change the chart. */
    @JsonbTransient
    public String toMermaid() {
        return MermaidFlowchart.render(this);
    }

    private static Node node(WorkflowStep step, TaskDetail detail) {
        String status = step.status().value();
        String lastError = "error".equals(status) ? detail.lastErrorOf(step).map(StepError::message)
                .map(message -> message.codePointCount(0, message.length()) <= ERROR_SHOWN ? message
                        : message.substring(0, message.offsetByCodePoints(0, ERROR_SHOWN)) + "…")
                .orElse(null) : null;
        return new Node(stepNode(step.id()), step.id(), step.name(), status, step.attempts(), lastError,
                COLOURS.get(status));
    }

    private static String stepNode(long stepId) {
        return "step_" + stepId;
    }
}
