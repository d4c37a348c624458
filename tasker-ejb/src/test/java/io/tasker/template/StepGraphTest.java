package io.tasker.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepGraphTest {

    @Test
    void ordersADiamondParentsFirst() {
        StepGraph graph = StepGraph.of("diamond", List.of(
                step("merge", "left", "right"), step("left", "start"), step("right", "start"), step("start")));

        List<String> order = graph.topologicalOrder();
        assertEquals(4, order.size());
        assertTrue(order.indexOf("start") < order.indexOf("left"));
        assertTrue(order.indexOf("start") < order.indexOf("right"));
        assertTrue(order.indexOf("left") < order.indexOf("merge"));
        assertTrue(order.indexOf("right") < order.indexOf("merge"));
        assertEquals(List.of("start"), graph.roots());
    }

    @Test
    void allowsSeveralPathsToOneStep() {
        StepGraph graph = StepGraph.of("multi", List.of(step("a"), step("b", "a"), step("c", "a", "b")));
        assertEquals(List.of("a", "b", "c"), graph.topologicalOrder());
    }

    @Test
    void rejectsTwoStepCycleAndSelfDependency() {
        TemplateException cycle = assertThrows(TemplateException.class,
                () -> StepGraph.of("t", List.of(step("a", "b"), step("b", "a"))));
        assertTrue(cycle.getMessage().contains("a -> b -> a"), cycle.getMessage());

        TemplateException self = assertThrows(TemplateException.class,
                () -> StepGraph.of("t", List.of(step("a", "a"))));
        assertEquals("a", self.step());
    }

    @Test
    void findsACycleBelowAnAcyclicPart() {
        TemplateException cycle = assertThrows(TemplateException.class, () -> StepGraph.of("t", List.of(
                step("root"), step("x", "root", "z"), step("y", "x"), step("z", "y"))));
        assertTrue(cycle.getMessage().contains("x -> z -> y -> x"), cycle.getMessage());
    }

    @Test
    void aDiamondHasOneRootOneLeafAndALevelPerDepth() {
        StepGraph graph = StepGraph.of("t", List.of(step("end", "left", "right"), step("left", "start"),
                step("right", "start", "left"), step("start")));

        assertEquals(List.of("start"), graph.roots());
        assertEquals(List.of("end"), graph.leaves());
        assertEquals(Map.of("start", 0, "left", 1, "right", 2, "end", 3), graph.levels());
    }

    private static StepTemplate step(String name, String... parents) {
        return new StepTemplate(name, name, "h.Handler", Arrays.asList(parents), true, 3, false, Map.of(), "unknown", null,
                List.of());
    }
}
