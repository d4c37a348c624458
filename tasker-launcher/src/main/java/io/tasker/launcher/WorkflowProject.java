package io.tasker.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * A standalone Maven project for one workflow, as {@code ./tasker new workflow} writes it: the template (its steps
 * in a line, each depending on the one before), one handler per step, {@code beans.xml}, a README, passing tests
 * written with the test kit (each handler alone, and the whole workflow), and Tasker's Maven wrapper. It compiles
 * against {@code tasker-api} and tests with {@code tasker-test} from the local Maven repository.
 */
public final class WorkflowProject {

    // The template's rule for names (docs/workflows.md): letters, digits, '_' and '-', at most 64 characters.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    // The project builds with its own ./mvnw, Tasker's Maven wrapper, so a JDK is all it needs.
    private static final List<String> MAVEN_WRAPPER = List.of("mvnw", "mvnw.cmd",
            ".mvn/wrapper/maven-wrapper.properties");
    private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");

    private final String namespace;
    private final String name;
    private final List<String> steps;
    private final String groupId;
    private final String javaPackage;

    /**
     * @param qualifiedName {@code <namespace>/<name>}
     * @param steps         the step names, in order; each depends on the one before
     * @param javaPackage   the handlers' package, or null for {@code <groupId>.<namespace>.<name>}
     * @throws IllegalArgumentException naming what is not a valid name
     */
    public WorkflowProject(String qualifiedName, List<String> steps, String groupId, String javaPackage) {
        String[] parts = qualifiedName.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("name the workflow <namespace>/<name>, got '" + qualifiedName + "'");
        }
        this.namespace = checkName(parts[0], "the namespace");
        this.name = checkName(parts[1], "the workflow's name");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("--steps: name at least one step");
        }
        for (String step : steps) {
            checkName(step, "step '" + step + "'");
        }
        if (new LinkedHashSet<>(steps).size() != steps.size()) {
            throw new IllegalArgumentException("--steps: a step is named twice: " + steps);
        }
        this.steps = List.copyOf(steps);
        this.groupId = checkPackage(groupId, "--group-id");
        this.javaPackage = checkPackage(javaPackage != null ? javaPackage
                : groupId + "." + javaName(namespace) + "." + javaName(name), "--package");
    }

    /** The project's directory name, and its artifactId: the workflow's name with '-' for '_'. */
    public String artifactId() {
        return name.replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /**
     * Writes the project into {@code parent/<artifactId>}.
     *
     * @return the project's directory
     * @throws IllegalArgumentException when that directory exists and is not empty
     */
    public Path writeInto(Path parent) throws IOException {
        Path project = parent.resolve(artifactId()).toAbsolutePath().normalize();
        if (Files.isDirectory(project)) {
            try (Stream<Path> entries = Files.list(project)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(project + " exists and is not empty");
                }
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("namespace", namespace);
        values.put("name", name);
        values.put("groupId", groupId);
        values.put("artifactId", artifactId());
        values.put("package", javaPackage);
        values.put("packagePath", javaPackage.replace('.', '/'));
        values.put("projectDir", project.toString());
        values.put("testClass", className(name) + "WorkflowTest");
        values.put("steps", stepTemplates());
        values.put("tests", handlerTests());
        values.put("lastStep", steps.get(steps.size() - 1));

        Path sources = project.resolve("src/main/java").resolve(javaPackage.replace('.', '/'));
        write(project.resolve("pom.xml"), "pom.xml.tmpl", values);
        write(project.resolve("README.md"), "README.md.tmpl", values);
        write(project.resolve(".gitignore"), "gitignore.tmpl", values);
        write(project.resolve("src/main/resources/META-INF/beans.xml"), "beans.xml.tmpl", values);
        write(project.resolve("src/main/resources/META-INF/tasker/tasks").resolve(namespace).resolve(name + ".yaml"),
                "workflow.yaml.tmpl", values);
        for (String step : steps) {
            Map<String, String> handler = new LinkedHashMap<>(values);
            handler.put("step", step);
            handler.put("class", handlerClass(step));
            write(sources.resolve(handlerClass(step) + ".java"), "Handler.java.tmpl", handler);
        }
        write(project.resolve("src/test/java").resolve(javaPackage.replace('.', '/'))
                .resolve(values.get("testClass") + ".java"), "WorkflowTest.java.tmpl", values);
        for (String file : MAVEN_WRAPPER) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.writeString(project.resolve(file), resource("wrapper/" + file));
        }
        project.resolve("mvnw").toFile().setExecutable(true, false);
        return project;
    }

    private String stepTemplates() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            lines.add("  - name: " + steps.get(i));
            lines.add("    handler_class: " + javaPackage + "." + handlerClass(steps.get(i)));
            if (i > 0) {
                lines.add("    depends_on_step: " + steps.get(i - 1));
            }
        }
        return String.join("\n", lines);
    }

    private String handlerTests() {
        return steps.stream().map(step -> """

                    @Test
                    void %sReturnsItsResults() throws Exception {
                        assertEquals(Map.of("%s", "done"), new %s().handle(TestStepContext.of("%s")));
                    }
                """.formatted(methodName(step), step, handlerClass(step), step))
                .collect(Collectors.joining());
    }

    private static String handlerClass(String step) {
        return className(step) + "Handler";
    }

    // charge_card -> ChargeCard; a name starting with a digit (or of separators only) gets a word first.
    private static String className(String name) {
        String camel = Stream.of(name.split("[_-]+")).filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
        return camel.isEmpty() || Character.isDigit(camel.charAt(0)) ? "Step" + camel : camel;
    }

    // charge_card -> chargeCard
    private static String methodName(String name) {
        String camel = className(name);
        return Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
    }

    // A package segment: charge-card -> charge_card, 1st -> _1st, default -> default_.
    private static String javaName(String name) {
        String plain = name.toLowerCase(Locale.ROOT).replace('-', '_');
        if (Character.isDigit(plain.charAt(0))) {
            return "_" + plain;
        }
        return SourceVersion.isKeyword(plain) ? plain + "_" : plain;
    }

    private static String checkName(String value, String what) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 64 letters, digits, '_' or '-', got '" + value
                    + "'");
        }
        return value;
    }

    private static String checkPackage(String value, String option) {
        if (value == null || !PACKAGE.matcher(value).matches() || !SourceVersion.isName(value)) {
            throw new IllegalArgumentException(option + " must be a Java package name (lower case, dots), got '"
                    + value + "'");
        }
        return value;
    }

    private static void write(Path file, String template, Map<String, String> values) throws IOException {
        String text = resource(template);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String resource(String template) {
        try (InputStream in = WorkflowProject.class.getResourceAsStream("/workflow-project/" + template)) {
            if (in == null) {
                throw new IllegalStateException("the launcher lacks its template " + template);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
