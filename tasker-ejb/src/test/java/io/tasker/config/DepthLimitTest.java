package io.tasker.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.errors.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DepthLimitTest {

    @Test
    void theDepthCountsObjectsAndArraysButNotBracketsInStrings() {
        assertEquals(0, depth("42"));
        assertEquals(1, depth("{}"));
        assertEquals(3, depth("{\"a\": [1, {\"b\": 2}], \"c\": [3]}"));
        assertEquals(1, depth("{\"text\": \"[[[{{{ \\\" ]]] \\\\\"}"));
        assertEquals(2, depth("[\"é€😀\", [\"\\u005b\"]]"));
    }

    @Test
    void deeperThanTheLimitIsRefusedNamingTheFieldAndTheSetting() {
        DepthLimit limit = new DepthLimit("tasker.api.max-json-depth", 3);
        assertDoesNotThrow(() -> limit.check("body", bytes("[[[1]]]")));
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> limit.check("body", bytes("[[[[1]]]]")));
        assertEquals("body", refused.errors().get(0).field());
        assertTrue(refused.errors().get(0).message().contains("deeper than 3 levels (tasker.api.max-json-depth)"),
                refused.errors().get(0).message());
    }

    private static int depth(String json) {
        return DepthLimit.depthOf(bytes(json));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
