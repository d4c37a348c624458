package io.tasker.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tasker.api.PermanentException;
import io.tasker.api.RetryableException;
import io.tasker.api.StepContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleStepHandlerTest {

    private final ExampleStepHandler handler = new ExampleStepHandler();

    @Test
    void returnsItsNameAndTheParentsItRead() {
        Map<String, Object> results = handler.handle(context("merge", 1, Map.of(),
                Map.of("right", Map.of(), "left", Map.of())));

        assertEquals(Map.of("step", "merge", "parents_read", List.of("left", "right"), "attempt", 1), results);
    }

    @Test
    void failsTheScriptedNumberOfTimesThenSucceeds() {
        Map<String, Object> script = Map.of("fail_times", Map.of("flaky", new BigDecimal(2)));

        assertThrows(RetryableException.class, () -> handler.handle(context("flaky", 1, script, Map.of())));
        assertThrows(RetryableException.class, () -> handler.handle(context("flaky", 2, script, Map.of())));
        assertEquals(3, handler.handle(context("flaky", 3, script, Map.of())).get("attempt"));
        assertEquals(1, handler.handle(context("steady", 1, script, Map.of())).get("attempt"));
    }

    @Test
    void failsPermanentlyWhenListed() {
        Map<String, Object> script = Map.of("fail_permanently", List.of("doomed"));
        PermanentException failure = assertThrows(PermanentException.class,
                () -> handler.handle(context("doomed", 1, script, Map.of())));
        assertEquals("SCRIPTED", failure.errorCode().orElseThrow());
    }

    private static StepContext context(String step, int attempt, Map<String, Object> taskContext,
                                       Map<String, Map<String, Object>> parents) {
        return new StepContext() {
            @Override
            public long taskId() {
                return 1;
            }

            @Override
            public String namespace() {
                return "examples";
            }

            @Override
            public String taskName() {
                return "test";
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public long stepId() {
                return 10;
            }

            @Override
            public String stepName() {
                return step;
            }

            @Override
            public int attempt() {
                return attempt;
            }

            @Override
            public Map<String, Object> taskContext() {
                return taskContext;
            }

            @Override
            public Map<String, Object> handlerConfig() {
                return Map.of();
            }

            @Override
            public Map<String, Map<String, Object>> parentResults() {
                return parents;
            }
        };
    }
}
