package io.tasker.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MermaidFlowchartTest {

    @Test
    void drawsEachStepWithItsStateAndEachDependency() {
        Diagram diagram = new Diagram("Task 7: examples.diamond@1.0.0", "TD", List.of(
                new Diagram.Node("step_1", 1L, "start", "complete", 1, null, "#2e7d32"),
                new Diagram.Node("step_2", 2L, "charge", "error", 3, "card declined", "#d32f2f")),
                List.of(new Diagram.Edge("step_1", "step_2")));

        assertEquals("""
                ---
                title: "Task 7: examples.diamond@1.0.0"
                ---
                flowchart TD
                    step_1["start<br/>complete, 1 attempt"]
                    step_2["charge<br/>error, 3 attempts<br/>card declined"]
                    step_1 --> step_2
                    classDef complete fill:#2e7d32
                    classDef error fill:#d32f2f
                    class step_1 complete
                    class step_2 error
                """, MermaidFlowchart.render(diagram));
    }

    @Test
    void namesAndMessagesCannotEscapeTheirLabels() {
        String hostile = "x\"] --> evil[\"<script>alert(1)</script>\n%% comment; click x href \"#\"";
        String label = MermaidFlowchart.escape(hostile);

        for (String unsafe : List.of("\"", "]", "[", "<", ">", "\n", "%", ";" + " click", "-->")) {
            assertFalse(label.replaceAll("#\\d+;", "").contains(unsafe), unsafe + " survived in " + label);
        }
        assertTrue(label.startsWith("x#34;#93; --#62; evil#91;#34;#60;script#62;"), label);
        assertEquals("caf#233; #128512;", MermaidFlowchart.escape("café 😀"), "one code per character");
        assertEquals("load_orders v1.2 (EU)", MermaidFlowchart.escape("load_orders v1.2 (EU)"));
    }

    @Test
    void aHostileNameMessageOrTitleStaysInsideItsLabel() {
        String hostile = "a\"]\n    click step_1 href \"javascript:alert(1)\"\n%% x";
        Diagram diagram = new Diagram("Task 1: " + hostile, "TD", List.of(
                new Diagram.Node("step_1", 1L, hostile, "error", 1, hostile, "#d32f2f")), List.of());

        String text = MermaidFlowchart.render(diagram);
        List<String> lines = text.lines().toList();
        assertEquals(List.of("---", "title: \"Task 1: " + MermaidFlowchart.escape(hostile) + "\"", "---",
                "flowchart TD", "    step_1[\"" + MermaidFlowchart.escape(hostile) + "<br/>error, 1 attempt<br/>"
                        + MermaidFlowchart.escape(hostile) + "\"]", "    classDef error fill:#d32f2f",
                "    class step_1 error"), lines);
        assertTrue(lines.stream().noneMatch(line -> line.strip().startsWith("click")), text);
    }

    @Test
    void aTemplatesStepsHaveNoStateAndOneClass() {
        Diagram diagram = new Diagram("examples.linear@1.0.0", "TD", List.of(
                new Diagram.Node("step_0", null, "a", null, null, null, "#eceff1"),
                new Diagram.Node("step_1", null, "b", null, null, null, "#eceff1")),
                List.of(new Diagram.Edge("step_0", "step_1")));

        String text = MermaidFlowchart.render(diagram);
        assertTrue(text.contains("    step_0[\"a\"]\n"), text);
        assertTrue(text.contains("    classDef template fill:#eceff1\n    class step_0 template\n"), text);
    }
}
