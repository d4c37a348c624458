package io.tasker.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.template.TemplateException;
import io.tasker.template.TemplateParser;
import io.tasker.template.TemplateSources.TemplateSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateLoaderTest {

    private final TemplateLoader loader = new TemplateLoader(new TemplateParser("test", name -> Optional.empty()));

    @Test
    void loadsDistinctVersionsOfOneTask() {
        assertEquals(2, loader.load(List.of(source("a.yaml", "1.0.0"), source("b.yaml", "1.1.0"))).size());
    }

    @Test
    void rejectsTwoFilesDefiningTheSameKey() {
        TemplateException error = assertThrows(TemplateException.class,
                () -> loader.load(List.of(source("a.yaml", "1.0.0"), source("b.yaml", "1.0.0"))));
        assertTrue(error.getMessage().contains("b.yaml"), error.getMessage());
        assertTrue(error.getMessage().contains("already defined by a.yaml"), error.getMessage());
    }

    private static TemplateSource source(String location, String version) {
        return new TemplateSource(location, """
                name: shared
                version: "%s"
                step_templates:
                  - name: only
                    handler_class: h.Handler
                """.formatted(version));
    }
}
