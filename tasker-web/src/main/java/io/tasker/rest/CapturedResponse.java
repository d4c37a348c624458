package io.tasker.rest;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * What a servlet of the server wrote for a forwarded request ({@link ServerEndpointResource}), kept rather than sent,
 * so that it becomes the JAX-RS response: status, media type and body. An error status (the servlet's sendError
 * included) is answered as a problem document with the servlet's message.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = SC_OK;
    private String error;
    private String contentType;
    private Charset charset = StandardCharsets.UTF_8;
    private PrintWriter writer;
    private ServletOutputStream stream;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    Response toResponse() {
        if (writer != null) {
            writer.flush();
        }
        if (status >= 400) {
            return ProblemMappers.httpError(status, error);
        }
        return Response.status(status).type(contentType).entity(body.toByteArray()).build();
    }

    @Override
    public void setStatus(int status) {
        this.status = status;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int status, String message) {
        this.status = status;
        this.error = message;
    }

    @Override
    public void sendError(int status) {
        sendError(status, null);
    }

    @Override
    public void setContentType(String type) {
        this.contentType = type;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public void setCharacterEncoding(String name) {
        this.charset = Charset.forName(name);
    }

    @Override
    public String getCharacterEncoding() {
        return charset.name();
    }

    @Override
    public void setHeader(String name, String value) {
        if ("Content-Type".equalsIgnoreCase(name)) {
            setContentType(value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        setHeader(name, value);
    }

    @Override
    public void setContentLength(int length) {
        // The JAX-RS response sets its own length.
    }

    @Override
    public void setContentLengthLong(long length) {
        // The JAX-RS response sets its own length.
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, charset));
        }
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("a captured response is written synchronously");
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
        }
        return stream;
    }

    @Override
    public void flushBuffer() {
        // Nothing is sent: the body is kept for the JAX-RS response.
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void reset() {
        resetBuffer();
        status = SC_OK;
        error = null;
    }

    @Override
    public void resetBuffer() {
        if (writer != null) {
            writer.flush();
        }
        body.reset();
    }
}
