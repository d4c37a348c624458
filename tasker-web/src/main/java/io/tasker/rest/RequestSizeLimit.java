package io.tasker.rest;

import io.tasker.config.SizeLimit;
import io.tasker.config.TaskerSettings;
import io.tasker.errors.PayloadTooLargeException;
import io.tasker.errors.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body larger than {@code tasker.api.max-request-bytes} (413) before any of it is parsed: one
 * declared larger at once, one sent in chunks once it grows past the limit. A body within the limit is read here, at
 * most the limit's worth, and handed on as read. The rest of a refused body is read and dropped, up to a bound, so
 * that a client which sends its whole body before it reads the answer gets the answer; past the bound the connection
 * is closed.
 */
@Provider
@PreMatching
@ApplicationScoped
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    private TaskerSettings settings;

    // How much of a refused body is read and dropped before the connection is given up on.
    private static final long DROPPED_AT_MOST = 64L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        SizeLimit limit = settings.requestLimit();
        InputStream body = request.getEntityStream();
        if (request.getLength() <= limit.bytes()) {
            byte[] read = body.readNBytes(limit.bytes() + 1);
            if (read.length <= limit.bytes()) {
                request.setEntityStream(new ByteArrayInputStream(read));
                return;
            }
        }
        boolean allRead = dropped(body);
        Response refusal = ProblemMappers.respond(Problem.of(new PayloadTooLargeException("body", limit.bytes(),
                limit.setting())));
        request.abortWith(allRead ? refusal : Response.fromResponse(refusal).header("Connection", "close").build());
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
