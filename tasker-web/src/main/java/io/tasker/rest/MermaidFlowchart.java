package io.tasker.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link Diagram} as a Mermaid flowchart. Labels are quoted and every character that could end a quote,
 * open markup or start a comment is written as a Mermaid entity code ({@code #34;}), so a step's name or a failure's
 * message shows as written and can never change the chart.
 */
final class MermaidFlowchart {

    private MermaidFlowchart() {
    }

    static String render(Diagram diagram) {
        StringBuilder text = new StringBuilder()
                .append("---\ntitle: \"").append(escape(diagram.title())).append("\"\n---\n")
                .append("flowchart ").append(diagram.direction()).append('\n');
        Map<String, String> classes = new LinkedHashMap<>();
        for (Diagram.Node node : diagram.nodes()) {
            text.append("    ").append(node.id()).append("[\"").append(escape(node.name()));
            if (node.status() != null) {
                text.append("<br/>").append(node.status()).append(", ").append(node.attempts())
                        .append(node.attempts() == 1 ? " attempt" : " attempts");
            }
            if (node.lastError() != null) {
                text.append("<br/>").append(escape(node.lastError()));
            }
            text.append("\"]\n");
            String styleClass = node.status() == null ? "template" : node.status();
            classes.putIfAbsent(styleClass, node.colour());
        }
        for (Diagram.Edge edge : diagram.edges()) {
            text.append("    ").append(edge.from()).append(" --> ").append(edge.to()).append('\n');
        }
        classes.forEach((name, colour) -> text.append("    classDef ").append(name).append(" fill:").append(colour)
                .append('\n'));
        for (Diagram.Node node : diagram.nodes()) {
            text.append("    class ").append(node.id()).append(' ')
                    .append(node.status() == null ? "template" : node.status()).append('\n');
        }
        return text.toString();
    }

    /** Letters, digits, spaces and harmless punctuation as they are; anything else as {@code #<code point>;}. */
    static String escape(String label) {
        StringBuilder escaped = new StringBuilder(label.length());
        label.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) && c < 0x80 || " _.,:()-/@'".indexOf(c) >= 0) {
                escaped.appendCodePoint(c);
            } else {
                escaped.append('#').append(c).append(';');
            }
        });
        return escaped.toString();
    }
}
