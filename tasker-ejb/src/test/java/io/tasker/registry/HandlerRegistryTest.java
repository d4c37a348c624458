package io.tasker.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.NotFoundException;
import io.tasker.template.IdentityStrategy;
import io.tasker.template.SemanticVersion;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HandlerRegistryTest {

    private final HandlerRegistry registry = new HandlerRegistry();

    @Test
    void resolvesTheHighestSemanticVersionWhenNoneIsAsked() {
        registry.register(task("payments", "refund", "9.0.0"), false);
        registry.register(task("payments", "refund", "10.0.0"), false);
        registry.register(task("payments", "refund", "2.1.0"), false);

        assertEquals("10.0.0", registry.resolve("payments", "refund", null).key().version().toString());
        assertEquals("9.0.0", registry.resolve("payments", "refund", "9.0.0").key().version().toString());
    }

    @Test
    void keepsNamespacesApart() {
        registry.register(task("payments", "process_refund", "2.1.0"), false);
        registry.register(task("customer_success", "process_refund", "1.3.0"), false);

        assertEquals("customer_success.process_refund@1.3.0",
                registry.resolve("customer_success", "process_refund", null).key().fullName());
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> registry.resolve("payments", "process_refund", "1.3.0"));
        assertTrue(missing.getMessage().contains("registered: [2.1.0]"), missing.getMessage());
    }

    @Test
    void defaultsToTheDefaultNamespace() {
        registry.register(task("default", "dummy_task", "0.1.0"), false);
        assertEquals("default.dummy_task@0.1.0", registry.resolve(null, "dummy_task", null).key().fullName());
    }

    @Test
    void reportsUnknownNamesAndInvalidVersions() {
        registry.register(task("examples", "linear", "1.0.0"), false);

        assertThrows(NotFoundException.class, () -> registry.resolve("examples", "nonlinear", null));
        assertThrows(NotFoundException.class, () -> registry.resolve("other", "linear", null));
        InvalidRequestException invalid = assertThrows(InvalidRequestException.class,
                () -> registry.resolve("examples", "linear", "1.0"));
        assertEquals("version", invalid.errors().get(0).field());
    }

    @Test
    void refusesToOverwriteUnlessReplacing() {
        RegisteredTask first = task("examples", "linear", "1.0.0");
        RegisteredTask second = task("examples", "linear", "1.0.0");
        registry.register(first, false);

        assertThrows(IllegalStateException.class, () -> registry.register(second, false));
        assertSame(first, registry.find(first.key()).orElseThrow());

        registry.register(second, true);
        assertSame(second, registry.find(first.key()).orElseThrow());
    }

    @Test
    void registersConcurrentlyWithoutLosingAny() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        IntStream.range(0, 400).forEach(i -> pool.submit(
                () -> registry.register(task("ns" + (i % 4), "task" + (i % 10), i / 40 + ".0." + i), false)));
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(400, registry.all().size());
    }

    static RegisteredTask task(String namespace, String name, String version) {
        StepTemplate step = new StepTemplate("only", "only", "h.Handler", List.of(), true, 3, false, Map.of(),
                "unknown", null, List.of());
        TaskTemplate template = new TaskTemplate(name + ".yaml", namespace, name, SemanticVersion.parse(version),
                null, null, List.of(step), IdentityStrategy.DEFAULT, List.of());
        return new RegisteredTask(template, Map.of("only", context -> Map.of()), null, 1, Map.of("only", 1));
    }
}
