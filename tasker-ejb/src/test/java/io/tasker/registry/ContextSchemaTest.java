package io.tasker.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.errors.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextSchemaTest {

    private final ContextSchema schema = ContextSchema.compile(Map.of(
            "type", "object",
            "required", List.of("cart_id"),
            "properties", Map.of(
                    "cart_id", Map.of("type", "integer"),
                    "options", Map.of("type", "object", "properties", Map.of("gift", Map.of("type", "boolean"))))));

    @Test
    void acceptsAValidContextAndExtraKeysByDefault() {
        assertEquals(List.of(), schema.violations(Map.of("cart_id", new BigDecimal("42"), "note", "extra")));
    }

    @Test
    void namesEachOffendingFieldByJsonPointer() {
        List<FieldError> errors = schema.violations(Map.of("options", Map.of("gift", "yes")));

        assertEquals(List.of("/context/cart_id", "/context/options/gift"),
                errors.stream().map(FieldError::field).sorted().toList());
        assertTrue(errors.stream().allMatch(error -> !error.message().isBlank()));
    }

    @Test
    void honoursAdditionalPropertiesFalse() {
        ContextSchema strict = ContextSchema.compile(Map.of("type", "object", "additionalProperties", false,
                "properties", Map.of("a", Map.of("type", "string"))));
        List<FieldError> errors = strict.violations(Map.of("a", "x", "b", "y"));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("b"), errors.get(0).message());
    }

    @Test
    void rejectsASchemaThatIsNotValid() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ContextSchema.compile(Map.of("type", "objekt")));
        assertTrue(error.getMessage().contains("/schema/type"), error.getMessage());
    }
}
