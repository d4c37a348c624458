package io.tasker.rest;

import io.tasker.errors.Problem;
import io.tasker.errors.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;

/**
 * The server's own metrics (Prometheus text, Tasker's and the JVM's) and OpenAPI document under {@code /tasker}, so
 * that reading them takes a token and a permission like every other endpoint; the embedded default closes the
 * server's {@code /metrics} and {@code /openapi} themselves (docs/security.md). They are reached by a forward within
 * the server, to which the server's own security constraint on those paths does not apply; {@code
 * WEB-INF/glassfish-web.xml} lets this application reach the server's root context, where they are served.
 */
@ApplicationScoped
@Path("")
public class ServerEndpointResource {

    @GET
    @Path("metrics")
    @RequiresPermission(value = "tasker.metrics:index", global = true)
    public Response metrics(@Context HttpServletRequest request, @Context HttpServletResponse response)
            throws ServletException, IOException {
        return forward(request, response, "/metrics");
    }

    @GET
    @Path("openapi")
    @RequiresPermission("tasker.openapi:show")
    public Response openApi(@Context HttpServletRequest request, @Context HttpServletResponse response)
            throws ServletException, IOException {
        return forward(request, response, "/openapi");
    }

    private static Response forward(HttpServletRequest request, HttpServletResponse response, String path)
            throws ServletException, IOException {
        ServletContext root = request.getServletContext().getContext("/");
        RequestDispatcher server = root == null ? null : root.getRequestDispatcher(path);
        if (server == null) {
            return ProblemMappers.respond(Problem.of(ProblemKind.NOT_FOUND, "This server has no " + path
                    + " that Tasker can reach", List.of()));
        }
        CapturedResponse captured = new CapturedResponse(response);
        server.forward(request, captured);
        return captured.toResponse();
    }
}
