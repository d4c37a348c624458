package io.tasker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    @Test
    void readsTypedValues() {
        SettingsReader reader = reader(Map.of("a", "1, 2.5,4", "b", "0.05", "c", "true", "d", "12", "e", "2.0"));

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(4)),
                reader.secondsList("a", Duration.ZERO, Duration.ofDays(1)));
        assertEquals(Duration.ofMillis(50), reader.seconds("b", Duration.ZERO, Duration.ofMinutes(1)));
        assertTrue(reader.bool("c"));
        assertEquals(12, reader.integer("d", 1, 100));
        assertEquals(2.0, reader.decimal("e", 1, 10));
        reader.failOnProblems();
    }

    @Test
    void reportsEveryProblemNamingItsKey() {
        SettingsReader reader = reader(Map.of("flag", "yes", "count", "0", "wait", "-1", "list", "1,x",
                "precise", "0.0001"));
        reader.bool("flag");
        reader.integer("count", 1, 10);
        reader.seconds("wait", Duration.ZERO, Duration.ofDays(1));
        reader.secondsList("list", Duration.ZERO, Duration.ofDays(1));
        reader.seconds("precise", Duration.ZERO, Duration.ofDays(1));
        reader.text("missing");

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                reader::failOnProblems);
        for (String key : List.of("flag", "count", "wait", "list", "precise", "missing")) {
            assertTrue(error.getMessage().contains(key + " "), key + " in " + error.getMessage());
        }
    }

    private static SettingsReader reader(Map<String, String> values) {
        return new SettingsReader(key -> Optional.ofNullable(values.get(key)));
    }
}
