package io.tasker.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskDetailTest {

    @Test
    void aDiamondInTemplateOrderKeepsIt() {
        // 1 -> (2, 3), 2 -> 4, 3 -> 5, (4, 5) -> 6
        Map<Long, List<Long>> children = Map.of(1L, List.of(2L, 3L), 2L, List.of(4L), 3L, List.of(5L),
                4L, List.of(6L), 5L, List.of(6L));
        Map<Long, List<Long>> parents = Map.of(2L, List.of(1L), 3L, List.of(1L), 4L, List.of(2L), 5L, List.of(3L),
                6L, List.of(4L, 5L));

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L),
                TaskDetail.dependencyOrder(List.of(6L, 3L, 5L, 1L, 4L, 2L), parents, children));
    }

    @Test
    void aStepListedBeforeItsParentComesAfterIt() {
        // The template lists the join first: ids 10 (join), 20 and 30 (its parents), 40 (independent).
        Map<Long, List<Long>> children = Map.of(20L, List.of(10L), 30L, List.of(10L));
        Map<Long, List<Long>> parents = Map.of(10L, List.of(20L, 30L));

        assertEquals(List.of(20L, 30L, 10L, 40L),
                TaskDetail.dependencyOrder(List.of(10L, 20L, 30L, 40L), parents, children));
    }

    @Test
    void stepsWithoutDependenciesComeById() {
        assertEquals(List.of(3L, 7L, 9L), TaskDetail.dependencyOrder(List.of(9L, 3L, 7L), Map.of(), Map.of()));
    }
}
