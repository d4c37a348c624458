package io.tasker.rest;

import io.tasker.errors.ProblemKind;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;

/**
 * The answer to a request whose token the server's MicroProfile JWT refused (tampered, expired, from another issuer
 * or for another audience): the server ends such a request with a 401 error before the API sees it, and
 * {@code WEB-INF/web.xml} sends that error here, so it is a problem document like every other refusal rather than
 * the server's HTML error page. What was wrong with the token is not said: the server's log has it.
 */
@WebServlet(RefusedTokenPage.PATH)
public class RefusedTokenPage extends HttpServlet {

    static final String PATH = "/problems/unauthenticated";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemKind kind = ProblemKind.UNAUTHENTICATED;
        response.setStatus(kind.status());
        response.setContentType(ProblemMappers.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        response.getWriter().write(Json.createObjectBuilder()
                .add("type", kind.type())
                .add("title", kind.title())
                .add("status", kind.status())
                .add("detail", "The bearer token is not valid here: its signature, issuer, audience or expiry "
                        + "failed the server's checks")
                .add("errors", Json.createArrayBuilder())
                .build().toString());
    }
}
