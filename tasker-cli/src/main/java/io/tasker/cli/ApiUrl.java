package io.tasker.cli;

import java.net.URI;

/** The address of a server's REST API, as the CLI and the benchmark take it. */
public final class ApiUrl {

    private ApiUrl() {
    }

    /** @throws IllegalArgumentException naming {@code --url} when the text is not an http(s) address */
    public static URI parse(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = URI.create("invalid:");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--url must be the API's http(s) address, e.g. "
                    + "http://localhost:8080/tasker, got '" + value + "'");
        }
        return uri;
    }
}
