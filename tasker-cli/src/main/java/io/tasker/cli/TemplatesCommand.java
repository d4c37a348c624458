package io.tasker.cli;

import io.tasker.api.StepHandler;
import io.tasker.registry.TemplateLoader;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import io.tasker.template.TemplateException;
import io.tasker.template.TemplateParser;
import io.tasker.template.TemplateSources;
import io.tasker.template.TemplateSources.TemplateSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code templates validate}: the server's checks of task templates, offline. */
@Command(name = "templates", mixinStandardHelpOptions = true, description = "Check task templates offline.")
final class TemplatesCommand {

    @Command(name = "validate",
            description = {"Checks templates as the server does at boot, without a server: YAML and keys, names "
                    + "and versions, the step graph (duplicates, unknown dependencies, cycles), placeholders, the "
                    + "context schema, and no two templates with one namespace, name and version. With "
                    + "--classpath, also that each step's handler_class is there and is a StepHandler.",
                    "Exit 0 when every template passes, 1 naming the file and step of each that does not."})
    int validate(@Mixin Console console,
                 @Parameters(arity = "1..*", paramLabel = "<file|dir>",
                         description = "Template files, or directories searched for *.yaml and *.yml.")
                 List<Path> paths,
                 @Option(names = "--classpath", arity = "1..*", paramLabel = "<jar|dir>",
                         description = "Your workflow jars or class directories, for the handler classes.")
                 List<Path> classpath,
                 @Option(names = "--environment", defaultValue = "development",
                         description = "The environments.<name> section that applies (default ${DEFAULT-VALUE}).")
                 String environment) {
        TemplateParser parser = new TemplateParser(environment,
                name -> Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(
                        System.getenv(name))));
        List<TemplateSource> sources = sources(paths);
        TemplateLoader.Checked checked = new TemplateLoader(parser).check(sources);
        List<TemplateException> problems = new ArrayList<>(checked.problems());
        PrintWriter out = console.out();
        // One class loader over the whole --classpath, for every template's handler classes.
        try (URLClassLoader classes = classpath == null ? null
                : new URLClassLoader(urls(classpath), StepHandler.class.getClassLoader())) {
            for (TaskTemplate template : checked.templates()) {
                List<TemplateException> handlers = classes == null ? List.of() : handlerProblems(template, classes);
                if (handlers.isEmpty()) {
                    out.println("ok     " + template.source() + ": " + template.fullName() + ", "
                            + template.steps().size() + " steps");
                }
                problems.addAll(handlers);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the --classpath", e);
        }
        PrintWriter err = console.err();
        problems.forEach(problem -> err.println("error  " + problem.getMessage()));
        out.println(sources.size() + " templates checked, " + problems.size() + " problems");
        out.flush();
        err.flush();
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.REFUSED;
    }

    private static List<TemplateSource> sources(List<Path> paths) {
        List<TemplateSource> sources = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                sources.addAll(TemplateSources.fromDirectory(path));
            } else if (Files.isRegularFile(path)) {
                try {
                    sources.add(new TemplateSource(path.toString(), Files.readString(path)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path, e);
                }
            } else {
                throw new UsageException("no file or directory " + path);
            }
        }
        return sources;
    }

    private static List<TemplateException> handlerProblems(TaskTemplate template, ClassLoader classes) {
        List<TemplateException> problems = new ArrayList<>();
        for (StepTemplate step : template.steps()) {
            handlerProblem(classes, step).ifPresent(problem -> problems.add(
                    new TemplateException(template.source(), step.name(), problem)));
        }
        return problems;
    }

    private static Optional<String> handlerProblem(ClassLoader classes, StepTemplate step) {
        try {
            Class<?> type = Class.forName(step.handlerClass(), false, classes);
            return StepHandler.class.isAssignableFrom(type) ? Optional.empty()
                    : Optional.of("handler class " + step.handlerClass() + " does not implement "
                    + StepHandler.class.getName());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("handler class " + step.handlerClass() + " is not in the --classpath given");
        }
    }

    private static URL[] urls(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path path : classpath) {
            if (!Files.exists(path)) {
                throw new UsageException("--classpath: no file or directory " + path);
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UsageException("--classpath: " + path + " is not a usable path");
            }
        }
        return urls.toArray(URL[]::new);
    }
}
