package io.tasker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.errors.PayloadTooLargeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SizeLimitTest {

    private final SizeLimit tenBytes = new SizeLimit("tasker.test.max-bytes", 10);

    @Test
    void countsBytesOfUtf8NotCharacters() {
        for (String text : new String[] {"0123456789", "ééééé", "€€€", "é€a", "😀😀", "😀😀é", "€€€€", "abcdefghijk"}) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length > 10, tenBytes.exceededBy(text), text);
        }
    }

    @Test
    void aTextOverTheLimitIsRefusedNamingFieldLimitAndSetting() {
        assertFalse(tenBytes.exceededBy(""));
        assertTrue(tenBytes.exceededBy("x".repeat(11)));
        PayloadTooLargeException refusal = assertThrows(PayloadTooLargeException.class,
                () -> tenBytes.check("context", "{\"a\": \"bcdef\"}"));
        assertEquals("context", refusal.errors().get(0).field());
        assertTrue(refusal.errors().get(0).message().contains("10 bytes"), refusal.errors().toString());
        assertTrue(refusal.getMessage().contains("tasker.test.max-bytes"), refusal.getMessage());
    }
}
