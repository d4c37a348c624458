package io.tasker.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tasker new}: starts something of the user's own. */
@Command(name = "new", mixinStandardHelpOptions = true, subcommands = NewCommand.Workflow.class,
        description = "Create a project of your own.")
final class NewCommand {

    @Command(name = "workflow", mixinStandardHelpOptions = true,
            description = "Create a standalone Maven project for one workflow: its template, one handler per step, "
                    + "beans.xml, a README and a passing test written with the test kit (tasker-test).")
    static final class Workflow implements Callable<Integer> {

        @Parameters(paramLabel = "<namespace>/<name>", description = "The workflow's namespace and name.")
        private String qualifiedName;

        @Option(names = "--steps", split = ",", paramLabel = "<step>",
                description = "The steps, in order, each depending on the one before (default: ${DEFAULT-VALUE}).")
        private List<String> steps = new ArrayList<>(List.of("start", "finish"));

        @Option(names = "--dir", paramLabel = "<directory>",
                description = "Where the project's directory goes (default: the current directory).")
        private Path parent = Path.of("");

        @Option(names = "--group-id", paramLabel = "<groupId>",
                description = "The project's Maven groupId (default: ${DEFAULT-VALUE}).")
        private String groupId = "com.example";

        @Option(names = "--package", paramLabel = "<package>",
                description = "The handlers' Java package (default: <groupId>.<namespace>.<name>).")
        private String javaPackage;

        @Override
        public Integer call() throws Exception {
            Path project;
            try {
                project = new WorkflowProject(qualifiedName, steps, groupId, javaPackage).writeInto(parent);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            System.out.println("Created " + project);
            System.out.println("Next: cd " + project + " && ./mvnw package, then, in Tasker's checkout:");
            System.out.println("  ./tasker run --workflows " + project.resolve("target/classes"));
            if (!Files.isDirectory(Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "tasker",
                    "tasker-api"))) {
                System.out.println("Tasker's jars are not in your local Maven repository yet: run ./tasker build"
                        + " in Tasker's checkout first.");
            }
            return 0;
        }
    }
}
