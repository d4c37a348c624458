package io.tasker.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Tasker's command line for operators and scripts: {@code tasks}, {@code steps} and {@code handlers} against a
 * server's REST API, {@code templates validate} offline. It runs as {@code java -jar tasker-cli.jar} and as
 * {@code ./tasker}'s commands of the same names. Exit codes: {@link ExitCodes}.
 */
@Command(name = "tasker-cli", mixinStandardHelpOptions = true, versionProvider = TaskerCli.Version.class,
        subcommands = {TasksCommand.class, StepsCommand.class, HandlersCommand.class, TemplatesCommand.class,
                CommandLine.HelpCommand.class},
        description = "Tasker's command line: manage tasks on a server, check templates offline.",
        footer = {"%nEnvironment: TASKER_URL (the server's API, default http://localhost:8080/tasker), "
                + "TASKER_TOKEN (a bearer token).", "Exit codes: 0 done, 1 refused by the server (4xx) or "
                + "templates invalid, 2 usage error, 3 server unreachable or failed (5xx), 4 tasks create --wait: "
                + "the task did not complete."})
public final class TaskerCli {

    /** A system property with the token to send when neither --token nor TASKER_TOKEN gives one. */
    public static final String DEFAULT_TOKEN_PROPERTY = "tasker.cli.default-token";

    public static void main(String[] args) {
        System.exit(commandLine(new TaskerCli()).execute(args));
    }

    /** The command line of {@code root}, with the CLI's commands added to it and its failures mapped to exit codes. */
    public static CommandLine commandLine(Object root) {
        CommandLine cli = new CommandLine(root);
        if (!(root instanceof TaskerCli)) {
            for (Class<?> command : new Class<?>[] {TasksCommand.class, StepsCommand.class, HandlersCommand.class,
                    TemplatesCommand.class}) {
                cli.addSubcommand(command);
            }
        }
        return cli.setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            int exit;
            if (failure instanceof ApiException refused) {
                exit = refused.status() >= 500 ? ExitCodes.SERVER_FAILED : ExitCodes.REFUSED;
            } else if (failure instanceof ServerUnreachableException) {
                exit = ExitCodes.SERVER_FAILED;
            } else if (failure instanceof UsageException) {
                exit = ExitCodes.USAGE;
            } else {
                throw failure;
            }
            // A script that asked for JSON gets the problem document where the answer would have been.
            if (failure instanceof ApiException refused && lastCommand(parsed).hasMatchedOption(Output.JSON)) {
                commandLine.getOut().println(Output.pretty(refused.problem()));
                commandLine.getOut().flush();
            }
            commandLine.getErr().println("error: " + failure.getMessage());
            commandLine.getErr().flush();
            return exit;
        });
    }

    private static CommandLine.ParseResult lastCommand(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        return last;
    }

    /** The version the jar's manifest carries. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TaskerCli.class.getPackage().getImplementationVersion();
            return new String[] {"tasker-cli " + (version == null ? "(development build)" : version)};
        }
    }
}
