package io.tasker.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardFilesTest {

    @Test
    void theDashboardsFilesHaveTheirTypes() {
        assertEquals(Optional.of("text/html;charset=UTF-8"), DashboardFiles.typeOf("/index.html"));
        assertEquals(Optional.of("text/javascript;charset=UTF-8"),
                DashboardFiles.typeOf("/vendor/mermaid/mermaid.min.js"));
        assertEquals(Optional.of("image/svg+xml"), DashboardFiles.typeOf("/icon.svg"));
    }

    @Test
    void aPathThatCouldLeaveTheDashboardOrNameAnotherKindOfFileNamesNone() {
        for (String path : List.of("/../web.xml", "/..", "/ui/../../WEB-INF/web.xml", "//index.html", "/.hidden.js",
                "/a\\b.js", "/index.html/", "/WEB-INF/web.xml", "/beans.xml", "/app.js%00.html", "")) {
            assertEquals(Optional.empty(), DashboardFiles.typeOf(path), path);
        }
    }
}
