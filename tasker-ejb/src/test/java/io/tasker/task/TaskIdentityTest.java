package io.tasker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.registry.RegisteredTask;
import io.tasker.template.IdentityStrategy;
import io.tasker.template.SemanticVersion;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TaskIdentityTest {

    private static final RegisteredTask PLAIN = task(IdentityStrategy.DEFAULT, "1.0.0");
    private static final RegisteredTask HASHED = task(IdentityStrategy.HASH, "1.0.0");

    @Test
    void withoutAKeyTheDefaultStrategyHasNoIdentity() {
        assertTrue(TaskIdentity.of(PLAIN, request(Map.of("a", 1), null)).isEmpty());
    }

    @Test
    void aKeyIsTheIdentityWhateverTheContextAndStrategy() {
        TaskIdentity first = identity(PLAIN, request(Map.of("a", 1), "k-1"));

        assertTrue(first.keyed());
        assertEquals(first.hash(), identity(PLAIN, request(Map.of("a", 2), "k-1")).hash());
        assertNotEquals(first.hash(), identity(PLAIN, request(Map.of("a", 1), "k-2")).hash());
        assertNotEquals(identity(HASHED, request(Map.of(), "k-1")).hash(),
                identity(HASHED, request(Map.of(), null)).hash());
    }

    @Test
    void theDigestTellsARepeatFromAKeyReusedForAnotherRequest() {
        TaskIdentity first = identity(PLAIN, request(Map.of("a", new BigDecimal("1.50")), "k-1"));

        assertEquals(first.requestDigest(), identity(PLAIN, request(Map.of("a", new BigDecimal("1.5")), "k-1"))
                .requestDigest(), "the same number written otherwise is the same request");
        assertNotEquals(first.requestDigest(), identity(PLAIN, request(Map.of("a", 2), "k-1")).requestDigest());
        TaskRequest otherTags = new TaskRequest("ns", "order", null, Map.of("a", new BigDecimal("1.5")), null, null,
                null, List.of("urgent"), null, "k-1", null);
        assertNotEquals(first.requestDigest(), identity(PLAIN, otherTags).requestDigest());
    }

    @Test
    void underTheHashStrategyTheContextIsTheIdentityWhateverTheOrderOfItsKeys() {
        Map<String, Object> context = Map.of("customer", 7, "lines", List.of(Map.of("sku", "a", "qty", 2)));
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("lines", List.of(new TreeMap<>(Map.of("qty", 2, "sku", "a"))));
        reordered.put("customer", 7);

        TaskIdentity first = identity(HASHED, request(context, null));
        assertFalse(first.keyed());
        assertEquals(first.hash(), identity(HASHED, request(reordered, null)).hash());
        assertNotEquals(first.hash(), identity(HASHED, request(Map.of("customer", 8), null)).hash());
    }

    @Test
    void theSameContextForAnotherVersionIsAnotherIdentity() {
        assertNotEquals(identity(HASHED, request(Map.of("a", 1), null)).hash(),
                identity(task(IdentityStrategy.HASH, "1.1.0"), request(Map.of("a", 1), null)).hash());
    }

    private static TaskIdentity identity(RegisteredTask definition, TaskRequest request) {
        return TaskIdentity.of(definition, request).orElseThrow();
    }

    private static TaskRequest request(Map<String, Object> context, String key) {
        return new TaskRequest("ns", "order", null, context, null, null, null, null, null, key, null);
    }

    private static RegisteredTask task(IdentityStrategy strategy, String version) {
        StepTemplate step = new StepTemplate("only", "only", "h.Handler", List.of(), true, 3, false, Map.of(),
                "unknown", null, List.of());
        TaskTemplate template = new TaskTemplate("order.yaml", "ns", "order", SemanticVersion.parse(version), null,
                null, List.of(step), strategy, List.of());
        return new RegisteredTask(template, Map.of("only", context -> Map.of()), null, 1, Map.of("only", 1));
    }
}
