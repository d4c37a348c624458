package io.tasker.ui;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the dashboard's files from {@code WEB-INF/ui} at {@code /tasker/ui/}. The files hold no data (the pages
 * ask the API for it with the user's token), so they are open, like the API's description. Every answer forbids
 * scripts and connections from elsewhere, framing and type sniffing, so a value that slipped into a page as markup
 * could still not run.
 */
@WebServlet({"/ui", "/ui/*"})
public class DashboardFiles extends HttpServlet {

    private static final String ROOT = "/WEB-INF/ui";
    // Names of our files only: no "..", no empty segment, no backslash.
    private static final Pattern FILE = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    // Mermaid styles the diagrams it draws with style elements of its own: styles may be inline, scripts never.
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    /** The content type of a dashboard file at {@code path}, or empty for a path that cannot name one. */
    static Optional<String> typeOf(String path) {
        if (!FILE.matcher(path).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPES.get(path.substring(path.lastIndexOf('.') + 1)));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            // Relative links in the pages resolve against /ui/.
            response.sendRedirect(request.getContextPath() + "/ui/");
            return;
        }
        if (path.equals("/")) {
            path = "/index.html";
        }
        Optional<String> type = typeOf(path);
        InputStream file = type.isEmpty() ? null : getServletContext().getResourceAsStream(ROOT + path);
        if (file == null) {
            // The path is not echoed: the container's error page carries no security policy.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type.get());
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        // Files change with a new deployment only; revalidating keeps a browser from mixing two releases.
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = file; OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
