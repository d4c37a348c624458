package io.tasker.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.api.StepContext;
import io.tasker.api.StepHandler;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerBeansTest {

    public static class Greeter implements StepHandler {
        @Override
        public Map<String, Object> handle(StepContext context) {
            return Map.of();
        }
    }

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void acceptsAStepHandlerClass() {
        assertEquals(Greeter.class, HandlerBeans.handlerType(Greeter.class.getName(), loader));
    }

    @Test
    void rejectsAClassThatIsNotAStepHandler() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HandlerBeans.handlerType(String.class.getName(), loader));
        assertTrue(error.getMessage().contains("does not implement io.tasker.api.StepHandler"), error.getMessage());
    }

    @Test
    void rejectsAClassThatDoesNotExist() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HandlerBeans.handlerType("com.example.Missing", loader));
        assertTrue(error.getMessage().contains("cannot be loaded"), error.getMessage());
    }
}
