package io.tasker.rest;

import io.tasker.config.SizeLimit;
import io.tasker.config.TaskerSettings;
import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.PayloadTooLargeException;
import io.tasker.errors.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Refuses a request body larger than {@code tasker.api.max-request-bytes} (413), or nested deeper than
 * {@code tasker.api.max-json-depth} (400), before any of it is parsed: one
 * declared larger at once, one sent in chunks once it grows past the limit. A body within the limit is read here, at
 * most the limit's worth, and handed on as read. A client that sends its whole body before it reads the answer gets
 * the answer only if the body is read: the rest of a refused body is read and dropped, up to a bound (past it, and
 * for a client that waits for {@code 100 Continue} before it sends a body declared too large, the connection is
 * closed instead).
 */
@Provider
@PreMatching
@ApplicationScoped
public class RequestSizeLimit implements ContainerRequestFilter {

    // How much of a refused body is read and dropped before the connection is given up on.
    private static final long DROPPED_AT_MOST = 64L * 1024 * 1024;
    private static final String CLOSE = "close";
    private static final String EXPECT = "Expect";

    @Inject
    private TaskerSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        SizeLimit limit = settings.requestLimit();
        OptionalLong declared = declaredLength(request);
        if (declared.isEmpty()) {
            request.abortWith(connectionClosing(ProblemMappers.respond(Problem.of(new InvalidRequestException(
                    HttpHeaders.CONTENT_LENGTH, "must be a whole number of bytes")))));
            return;
        }
        try {
            InputStream body = request.getEntityStream();
            if (declared.getAsLong() <= limit.bytes()) {
                byte[] read = body.readNBytes(limit.bytes() + 1);
                if (read.length <= limit.bytes()) {
                    settings.depthLimit().check("body", read);
                    request.setEntityStream(new ByteArrayInputStream(read));
                    return;
                }
            }
            Response refusal = ProblemMappers.respond(Problem.of(new PayloadTooLargeException("body", limit.bytes(),
                    limit.setting())));
            boolean waitsToSend = "100-continue".equalsIgnoreCase(request.getHeaderString(EXPECT));
            request.abortWith(!waitsToSend && dropped(body) ? refusal : connectionClosing(refusal));
        } catch (InvalidRequestException tooDeep) {
            request.abortWith(ProblemMappers.respond(Problem.of(tooDeep)));
        } catch (IOException e) {
            // The client went away, or sent a body its own framing contradicts.
            request.abortWith(connectionClosing(ProblemMappers.respond(Problem.of(new InvalidRequestException("body",
                    "could not be read whole: " + e.getMessage())))));
        }
    }

    // The Content-Length header as a long (-1 when absent, as for a chunked body); empty when it is not a number.
    private static OptionalLong declaredLength(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return OptionalLong.of(-1);
        }
        try {
            return OptionalLong.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Response connectionClosing(Response response) {
        return Response.fromResponse(response).header("Connection", CLOSE).build();
    }

    // Reads the rest of the body and drops it; false when it goes on past the bound.
    private static boolean dropped(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read = body.read(buffer); read != -1; read = body.read(buffer)) {
            total += read;
            if (total > DROPPED_AT_MOST) {
                return false;
            }
        }
        return true;
    }
}
