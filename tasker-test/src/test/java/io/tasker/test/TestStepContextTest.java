package io.tasker.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.api.StepContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestStepContextTest {

    @Test
    void valuesArriveAsTheEngineHandsThemOver() {
        StepContext step = TestStepContext.of("charge")
                .withTaskContext(Map.of("cart", Map.of("id", 7, "items", List.of(1.5, 2L)), "paid", false))
                .withParentResult("validate", Map.of("total", 12.5));

        Map<?, ?> cart = (Map<?, ?>) step.taskContext().get("cart");
        assertEquals(new BigDecimal("7"), cart.get("id"));
        assertEquals(List.of(new BigDecimal("1.5"), new BigDecimal("2")), cart.get("items"));
        assertEquals(false, step.taskContext().get("paid"));
        assertEquals(new BigDecimal("12.5"), step.parentResult("validate").orElseThrow().get("total"));
        assertTrue(step.parentResult("other").isEmpty());
    }

    @Test
    void defaultsAreTheFirstAttemptOfATestTask() {
        StepContext step = TestStepContext.of("charge");

        assertEquals(1, step.attempt());
        assertEquals("default", step.namespace());
        assertEquals("test_task", step.taskName());
        assertEquals("0.1.0", step.version());
        assertEquals(Map.of(), step.taskContext());
        assertEquals(Map.of(), step.inputs());
    }

    @Test
    void eachWithReturnsANewContext() {
        TestStepContext first = TestStepContext.of("charge");
        TestStepContext retry = first.withAttempt(2).withTask("shop", "order", "1.2.0").withIds(40, 41);

        assertEquals(1, first.attempt());
        assertEquals(2, retry.attempt());
        assertEquals("shop", retry.namespace());
        assertEquals(40, retry.taskId());
        assertEquals(41, retry.stepId());
    }

    @Test
    void aValueJsonCannotCarryIsRefusedNamingWhereItIs() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestStepContext.of("charge").withTaskContext(Map.of("order", Map.of("due", LocalDate.now()))));

        assertTrue(refused.getMessage().startsWith("taskContext.order.due is a java.time.LocalDate"),
                refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TestStepContext.of("charge").withHandlerConfig(Map.of("ratio", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> TestStepContext.of("charge").withAttempt(0));
        assertThrows(IllegalArgumentException.class, () -> TestStepContext.of(" "));
    }
}
