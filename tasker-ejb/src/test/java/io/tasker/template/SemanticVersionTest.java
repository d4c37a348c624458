package io.tasker.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SemanticVersionTest {

    @Test
    void ordersNumericallyNotAsText() {
        assertTrue(SemanticVersion.parse("10.0.0").compareTo(SemanticVersion.parse("9.9.9")) > 0);
        assertTrue(SemanticVersion.parse("1.10.0").compareTo(SemanticVersion.parse("1.9.0")) > 0);
        assertTrue(SemanticVersion.parse("1.0.2").compareTo(SemanticVersion.parse("1.0.10")) < 0);
        assertEquals(0, SemanticVersion.parse("2.1.0").compareTo(new SemanticVersion(2, 1, 0)));
    }

    @Test
    void printsAsParsed() {
        assertEquals("0.1.0", SemanticVersion.DEFAULT.toString());
        assertEquals("12.0.3", SemanticVersion.parse("12.0.3").toString());
    }

    @Test
    void rejectsAnythingElse() {
        for (String text : new String[] {null, "", "1", "1.0", "1.0.0.0", "a.b.c", "1.0.0-rc1", " 1.0.0", "00.1.0"}) {
            assertThrows(IllegalArgumentException.class, () -> SemanticVersion.parse(text), String.valueOf(text));
        }
    }
}
