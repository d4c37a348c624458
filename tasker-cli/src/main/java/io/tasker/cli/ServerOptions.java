package io.tasker.cli;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Which server a command talks to, and the token it shows. */
final class ServerOptions {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "<url>", defaultValue = "${env:TASKER_URL:-http://localhost:8080/tasker}",
            description = "The server's API (default: TASKER_URL, else ${DEFAULT-VALUE}).")
    private String url;

    @Option(names = "--token", paramLabel = "<token>", defaultValue = "${env:TASKER_TOKEN}",
            description = "A bearer token sent with every request (default: TASKER_TOKEN; when it is unset and the "
                    + "server is on this machine, ./tasker signs one with the embedded default's development key).")
    private String token;

    // The token ./tasker signs for its own embedded server goes to no other host.
    private static Optional<String> developmentToken(URI api) {
        return LOOPBACK.contains(api.getHost()) ? Optional.ofNullable(System.getProperty(
                TaskerCli.DEFAULT_TOKEN_PROPERTY)) : Optional.empty();
    }

    ApiClient client() {
        try {
            URI api = ApiUrl.parse(url);
            return new ApiClient(api, Optional.ofNullable(token).or(() -> developmentToken(api))
                    .filter(value -> !value.isBlank()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
