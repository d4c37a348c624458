package io.tasker.rest;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Tasker's readiness checks ({@code io.tasker.health}: database, broker, node) at {@code /tasker/health/ready}, in
 * MicroProfile Health's format, whatever the server: 200 when all are up, 503 otherwise. Where the server collects
 * the application's checks (Payara) its {@code /health/ready} answers the same; WildFly collects none from an EAR's
 * modules, so there this is the only readiness that says whether Tasker can take work. Open to anyone, like the
 * server's health endpoints.
 */
@WebServlet("/health/ready")
public class ReadinessPage extends HttpServlet {

    @Inject
    @Readiness
    private Instance<HealthCheck> checks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = true;
        JsonArrayBuilder answers = Json.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse answer = call(check);
            up &= answer.getStatus() == HealthCheckResponse.Status.UP;
            answers.add(json(answer));
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", answers)
                .build().toString());
    }

    // A check that throws is down, as MicroProfile Health has it.
    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down()
                    .withData("error", String.valueOf(e)).build();
        }
    }

    private static JsonObjectBuilder json(HealthCheckResponse answer) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", answer.getName())
                .add("status", answer.getStatus().name());
        answer.getData().filter(data -> !data.isEmpty()).ifPresent(data -> {
            JsonObjectBuilder values = Json.createObjectBuilder();
            data.forEach((key, value) -> values.add(key, String.valueOf(value)));
            json.add("data", values);
        });
        return json;
    }
}
