package io.tasker.cli;

import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Which server a command talks to, and the token it shows. */
final class ServerOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "<url>", defaultValue = "${env:TASKER_URL:-http://localhost:8080/tasker}",
            description = "The server's API (default: TASKER_URL, else ${DEFAULT-VALUE}).")
    private String url;

    @Option(names = "--token", paramLabel = "<token>", defaultValue = "${env:TASKER_TOKEN}",
            description = "A bearer token sent with every request (default: TASKER_TOKEN).")
    private String token;

    ApiClient client() {
        try {
            return new ApiClient(ApiUrl.parse(url), Optional.ofNullable(token).filter(value -> !value.isBlank()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
