package io.tasker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's commands, in-process: offline template checks, and its handling of what a server answers. */
class TaskerCliTest {

    private static final String STEP = """
              - name: %s
                handler_class: %s
            """;

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int run(String... args) {
        return TaskerCli.commandLine(new TaskerCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    private Path template(String file, String name, String version, String steps) throws IOException {
        return Files.writeString(directory.resolve(file), "name: " + name + "\nnamespace_name: cli\nversion: \""
                + version + "\"\nstep_templates:\n" + steps);
    }

    @Test
    void validTemplatesPassWithExitZero() throws IOException {
        template("a.yaml", "orders", "1.0.0", STEP.formatted("charge", "com.example.Charge"));
        template("b.yaml", "orders", "1.1.0", STEP.formatted("charge", "com.example.Charge"));

        assertEquals(0, run("templates", "validate", directory.toString()), err.toString());
        assertTrue(out.toString().contains("cli.orders@1.1.0, 1 steps"), out.toString());
        assertTrue(out.toString().contains("2 templates checked, 0 problems"), out.toString());
    }

    @Test
    void everyBrokenTemplateIsNamedWithItsStepAndTheExitIsOne() throws IOException {
        Path cycle = template("cycle.yaml", "cycle", "1.0.0", """
                  - name: first
                    handler_class: com.example.A
                    depends_on_step: second
                  - name: second
                    handler_class: com.example.A
                    depends_on_step: first
                """);
        Path twice = template("twice.yaml", "orders", "1.0.0", STEP.formatted("charge", "com.example.Charge"));
        template("again.yaml", "orders", "1.0.0", STEP.formatted("charge", "com.example.Charge"));

        assertEquals(1, run("templates", "validate", directory.toString()));
        assertTrue(err.toString().contains(cycle + " (step 'first'): dependency cycle"), err.toString());
        assertTrue(err.toString().contains("cli.orders@1.0.0 is already defined by") && err.toString()
                .contains(twice.toString()), err.toString());
        assertTrue(out.toString().contains("3 templates checked, 2 problems"), out.toString());
    }

    @Test
    void withAClasspathEachHandlerClassMustBeAStepHandlerThere() throws IOException {
        template("handlers.yaml", "handlers", "1.0.0", STEP.formatted("missing", "com.example.Missing")
                + STEP.formatted("wrong", "java.lang.String") + STEP.formatted("right", "io.tasker.cli.EchoStep"));

        assertEquals(1, run("templates", "validate", directory.toString(), "--classpath",
                Path.of("target", "test-classes").toString()));
        assertTrue(err.toString().contains("(step 'missing'): handler class com.example.Missing is not in the "
                + "--classpath given"), err.toString());
        assertTrue(err.toString().contains("(step 'wrong'): handler class java.lang.String does not implement "
                + "io.tasker.api.StepHandler"), err.toString());
        assertTrue(!err.toString().contains("'right'"), err.toString());
        assertTrue(!out.toString().contains("ok "), "a template with a handler problem is not ok: " + out);
    }

    @Test
    void aPathThatIsNotThereIsAUsageError() {
        assertEquals(2, run("templates", "validate", directory.resolve("nowhere").toString()));
        assertTrue(err.toString().contains("no file or directory"), err.toString());
    }

    @Test
    void aRefusalShowsTheProblemAndItsFieldsWithExitOne() throws IOException {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        serve(400, "application/problem+json", """
                {"type": "about:blank", "title": "Invalid request", "status": 400, "detail": "1 invalid field",
                 "errors": [{"field": "/context/order_id", "message": "must be an integer"}]}""", authorizations);

        assertEquals(1, run("tasks", "create", "--name", "orders", "--context", "{\"order_id\": \"x\"}",
                "--url", url(), "--token", "s3cret"));
        assertTrue(err.toString().contains("POST /tasker/tasks: 400 Invalid request: 1 invalid field"), err.toString());
        assertTrue(err.toString().contains("/context/order_id: must be an integer"), err.toString());
        assertEquals(List.of("Bearer s3cret"), authorizations);
    }

    @Test
    void aServerFailureIsExitThreeWithItsProblem() throws IOException {
        serve(503, "application/problem+json", """
                {"title": "Service unavailable", "status": 503, "detail": "the database is unavailable"}""",
                new CopyOnWriteArrayList<>());

        assertEquals(3, run("tasks", "show", "7", "--url", url(), "--json"));
        assertTrue(err.toString().contains("GET /tasker/tasks/7: 503 Service unavailable: the database is "
                + "unavailable"), err.toString());
        assertTrue(out.toString().contains("\"detail\": \"the database is unavailable\""),
                "with --json, the problem document too: " + out);
    }

    @Test
    void anotherServerOrPathOrNoServerAtAllIsExitThreeSayingSo() throws IOException {
        serve(404, "text/html", "<html>Not Found</html>", new CopyOnWriteArrayList<>());
        assertEquals(3, run("tasks", "list", "--url", url()));
        assertTrue(err.toString().contains("no Tasker API at " + url() + " (404 text/html to GET /tasker/tasks, "
                + "not Tasker's problem document)"), err.toString());
        assertTrue(!err.toString().contains("<html>"), err.toString());

        String gone = url();
        server.stop(0);
        server = null;
        assertEquals(3, run("handlers", "list", "--url", gone));
        assertTrue(err.toString().contains("no Tasker API at " + gone), err.toString());
    }

    @Test
    void anArgumentThatIsNotUsableIsExitTwoNamingIt() {
        assertEquals(2, run("tasks", "create", "--name", "orders", "--context", "[1]"));
        assertTrue(err.toString().contains("--context must be a JSON object, got array"), err.toString());
        assertEquals(2, run("tasks", "list", "--url", "localhost:8080"));
        assertTrue(err.toString().contains("--url must be the API's http(s) address"), err.toString());
        assertEquals(2, run("tasks", "lst"));
    }

    @Test
    void listsTasksAsATableOrAsTheServersJson() throws IOException {
        serve(200, "application/json", """
                {"tasks": [{"task_id": 7, "full_name": "cli.orders@1.0.0", "status": "complete",
                            "created_at": "2026-12-01T02:00:00Z", "completed_at": null}],
                 "next_cursor": "abc"}""", new CopyOnWriteArrayList<>());

        assertEquals(0, run("tasks", "list", "--url", url()));
        assertTrue(out.toString().matches("(?s)TASK_ID\\s+TASK\\s+STATUS\\s+CREATED_AT\\s+COMPLETED_AT\\R"
                + "7\\s+cli.orders@1.0.0\\s+complete\\s+2026-12-01T02:00:00Z\\s+-\\R"
                + "more: --cursor abc\\R"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("tasks", "list", "--json", "--url", url()));
        assertTrue(out.toString().contains("\"task_id\": 7"), out.toString());
    }

    private void serve(int status, String contentType, String body, List<String> authorizations)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    private String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/tasker";
    }
}
