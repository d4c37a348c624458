package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.errors.ProblemKind;
import io.tasker.launcher.TaskerClient.Reply;
import io.tasker.launcher.TaskerStackExtension.RunningStack;
import io.tasker.launcher.policy.ReadOnlyAuthorizer;
import io.tasker.security.Permissions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication and permissions over HTTP against the real server: every operation of the OpenAPI document is
 * refused (403) to a token without its permission and served to one with only it; no token, or a forged, expired or
 * foreign one, is refused (401) while the health probes stay open; the actor of an operator action is the token's
 * subject; a refusal is logged without the token.
 */
@ExtendWith(TaskerStackExtension.class)
class SecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern PERMISSION = Pattern.compile("Permission: `([^`]+)`\\.");
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String DIAMOND = """
            {"name": "diamond_workflow", "namespace": "examples", "context": {}}""";
    private static final String FAILS_AT_MERGE = """
            {"name": "diamond_workflow", "namespace": "examples",
             "context": {"fail_permanently": ["merge_branches"]}}""";
    private static final String WORKS_A_MINUTE = """
            {"name": "diamond_workflow", "namespace": "examples",
             "context": {"sleep_ms": {"start_workflow": 60000}}}""";
    private static final String BENCH_W1 = """
            {"name": "w1_linear", "namespace": "bench", "context": {}}""";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json",
            "Accept", "application/json");

    /** A request an operation is tried with. */
    private record Call(String method, String path, Map<String, String> headers, String body) {

        static Call get(String path) {
            return new Call("GET", path, Map.of("Accept", "application/json"), null);
        }

        static Call send(String method, String path, String body) {
            return new Call(method, path, JSON, body);
        }
    }

    // For each operation of the document, by operationId: a request a caller with its permission is served (2xx).
    // Each makes what it needs, since the served request changes it.
    private static Map<String, Function<TaskerClient, Call>> calls() {
        Map<String, Function<TaskerClient, Call>> calls = new LinkedHashMap<>();
        calls.put("createTask", client -> Call.send("POST", "/tasks", DIAMOND));
        calls.put("findTasks", client -> Call.get("/tasks?namespace=examples"));
        calls.put("readTask", client -> Call.get(task(client, DIAMOND)));
        calls.put("annotateTask", client -> new Call("PATCH", task(client, DIAMOND),
                Map.of("Content-Type", "application/merge-patch+json"), "{\"tags\": [\"security-it\"]}"));
        calls.put("cancelTask", client -> new Call("DELETE", task(client, WORKS_A_MINUTE), Map.of(), null));
        calls.put("listSteps", client -> Call.get(task(client, DIAMOND) + "/workflow_steps"));
        calls.put("readStep", client -> Call.get(step(client, DIAMOND, "start_workflow")));
        calls.put("cancelStep", client -> new Call("DELETE", step(client, FAILS_AT_MERGE, "end_workflow"), Map.of(),
                null));
        calls.put("retryStep", client -> Call.send("POST", step(client, FAILS_AT_MERGE, "merge_branches") + "/retry",
                "{\"inputs\": {\"fail_permanently\": []}}"));
        calls.put("resolveStep", client -> Call.send("POST", step(client, FAILS_AT_MERGE, "merge_branches")
                + "/resolve", "{\"results\": {\"merged\": true}}"));
        calls.put("retryTask", client -> Call.send("POST", task(client, FAILS_AT_MERGE) + "/retry", "{}"));
        calls.put("taskHistory", client -> Call.get(task(client, DIAMOND) + "/transitions"));
        calls.put("taskDiagram", client -> Call.get(task(client, DIAMOND) + "/diagram"));
        calls.put("listNamespaces", client -> Call.get("/namespaces"));
        calls.put("listHandlers", client -> Call.get("/handlers"));
        calls.put("readNamespace", client -> Call.get("/handlers/examples"));
        calls.put("readTemplate", client -> Call.get("/handlers/examples/diamond_workflow"));
        calls.put("templateDiagram", client -> Call.get("/handlers/examples/diamond_workflow/diagram"));
        calls.put("listEvents", client -> Call.get("/events"));
        calls.put("readEvent", client -> Call.get("/events/task.completed"));
        calls.put("systemStatus", client -> Call.get("/health/status"));
        calls.put("metrics", client -> new Call("GET", "/metrics", Map.of("Accept", "text/plain"), null));
        calls.put("openApi", client -> Call.get("/openapi"));
        return calls;
    }

    @Test
    void everyOperationIsRefusedWithoutItsPermissionAndServedWithOnlyIt(RunningStack stack) throws Exception {
        Map<String, String> permissions = operationPermissions(stack);
        Map<String, Function<TaskerClient, Call>> calls = calls();
        assertEquals(new TreeSet<>(permissions.keySet()), new TreeSet<>(calls.keySet()),
                "an operation of the document without a call here, or the reverse");
        List<String> wrong = new ArrayList<>();
        TaskerClient admin = stack.client();
        permissions.forEach((operation, permission) -> {
            Call call = calls.get(operation).apply(admin);
            List<String> others = Permissions.all().stream().filter(other -> !other.equals(permission)).toList();
            Reply refused = send(withPermissions(stack, others), call);
            if (refused.status() != 403 || !refused.contentType().startsWith("application/problem+json")
                    || !refused.json().getString("detail").contains(permission)) {
                wrong.add(operation + " without " + permission + ": " + refused.status() + " " + refused.body());
            }
            Reply served = send(withPermissions(stack, List.of(permission)), call);
            if (served.status() / 100 != 2) {
                wrong.add(operation + " with only " + permission + ": " + served.status() + " " + served.body());
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aRequestWithoutAValidTokenIsRefusedTheHealthProbesStayOpenAndTheServersOwnEndpointsClose(
            RunningStack stack, @TempDir Path elsewhere) throws Exception {
        TaskerClient client = stack.client();
        Reply none = client.withToken(Optional.empty()).get("/tasks");
        assertEquals(401, none.status(), String.valueOf(none.body()));
        assertTrue(none.contentType().startsWith("application/problem+json"), none.contentType());
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));

        DevelopmentKeys keys = stack.stack().keys().orElseThrow();
        String valid = stack.adminToken("admin");
        Map<String, String> forged = new TreeMap<>();
        forged.put("another key", DevelopmentKeys.openOrCreate(elsewhere).token(
                DevelopmentKeys.Bearer.admin(LIFETIME)));
        forged.put("tampered", valid.substring(0, valid.lastIndexOf('.') - 2) + "xx"
                + valid.substring(valid.lastIndexOf('.')));
        forged.put("expired", keys.sign(claims(claims -> claims.setExpirationTime(
                NumericDate.fromSeconds(NumericDate.now().getValue() - 600)))));
        forged.put("another issuer", keys.sign(claims(claims -> claims.setIssuer("someone-else"))));
        forged.put("another audience", keys.sign(claims(claims -> claims.setAudience("another-service"))));
        forged.put("not a token", "not-a-token");
        forged.forEach((what, token) -> {
            Reply refused = client.withToken(Optional.of(token)).get("/tasks");
            assertEquals(401, refused.status(), what + ": " + refused.body());
            assertEquals(ProblemKind.UNAUTHENTICATED.type(), refused.json().getString("type"), what);
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), what);
        });
        for (String probe : List.of("/health/live", "/health/ready", "/tasker/health/ready")) {
            HttpResponse<String> open = HTTP.send(HttpRequest.newBuilder(client.api().resolve(probe)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, open.statusCode(), probe + ": " + open.body());
        }
        // Served under /tasker with a token (the table above); the server's own answer to nobody.
        for (String serverEndpoint : List.of("/metrics", "/openapi")) {
            HttpResponse<String> closed = HTTP.send(HttpRequest.newBuilder(client.api().resolve(serverEndpoint))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, closed.statusCode(), serverEndpoint + ": " + closed.body());
        }
    }

    @Test
    void aCallerLimitedToANamespaceSeesCreatesAndOperatesOnlyOnItsTasksAndAnotherNamespacesLookMissing(
            RunningStack stack) throws Exception {
        TaskerClient admin = stack.client();
        long ours = admin.createTask(FAILS_AT_MERGE);
        long theirs = admin.createTask(BENCH_W1);
        admin.awaitFinished(ours, WITHIN);
        admin.awaitFinished(theirs, WITHIN);
        TaskerClient scoped = admin.withToken(Optional.of(stack.token(new DevelopmentKeys.Bearer("examples-admin",
                List.of("admin"), List.of(), List.of("examples"), LIFETIME))));

        List<String> listed = scoped.get("/tasks?limit=100").json().getJsonArray("tasks")
                .getValuesAs(JsonObject.class).stream().map(task -> task.getString("namespace")).distinct().toList();
        assertEquals(List.of("examples"), listed);
        assertEquals(0, scoped.get("/tasks?namespace=bench").json().getJsonArray("tasks").size());
        assertEquals(200, scoped.get("/tasks/" + ours).status());
        Reply hidden = scoped.get("/tasks/" + theirs);
        Reply missing = scoped.get("/tasks/999999999");
        assertEquals(404, hidden.status());
        assertEquals(missing.json().getString("detail").replace("999999999", String.valueOf(theirs)),
                hidden.json().getString("detail"), "another namespace's task reads as one that does not exist");
        assertEquals(404, scoped.get("/tasks/" + theirs + "/transitions").status());
        assertEquals(404, scoped.post("/tasks/" + theirs + "/retry", "{}").status());
        assertEquals(404, scoped.get("/handlers/bench").status());
        assertEquals(List.of("examples"), scoped.get("/namespaces").json().getJsonArray("namespaces")
                .getValuesAs(JsonObject.class).stream().map(namespace -> namespace.getString("name")).toList());

        Reply refused = scoped.post("/tasks", BENCH_W1);
        assertEquals(403, refused.status(), String.valueOf(refused.body()));
        assertTrue(refused.json().getString("detail").contains("namespace bench"), refused.body().toString());
        assertEquals(201, scoped.post("/tasks", DIAMOND).status());
        assertEquals(200, scoped.post("/tasks/" + ours + "/retry", "{}").status());
        assertEquals(403, scoped.get("/health/status").status(), "its counts span every namespace");

        // The same reach from a grant: a permission for one namespace.
        TaskerClient reader = admin.withToken(Optional.of(stack.token(new DevelopmentKeys.Bearer("reader",
                List.of(), List.of("tasker.task:show@examples"), List.of(), LIFETIME))));
        assertEquals(200, reader.get("/tasks/" + ours).status());
        assertEquals(404, reader.get("/tasks/" + theirs).status());
        assertEquals(403, reader.get("/tasks").status(), "showing is not listing");
    }

    @Test
    void aTaskAndATemplateListWhichOfTheirActionsTheCallerMayTakeThere(RunningStack stack) throws Exception {
        TaskerClient admin = stack.client();
        long task = admin.createTask(DIAMOND);
        assertEquals(List.of("tasker.task:update", "tasker.task:cancel", "tasker.task:retry",
                "tasker.workflow_step:retry", "tasker.workflow_step:resolve", "tasker.workflow_step:cancel",
                "tasker.transition:index", "tasker.diagram:show"), permitted(admin.get("/tasks/" + task)));
        TaskerClient operator = admin.withToken(Optional.of(stack.token(new DevelopmentKeys.Bearer("operator",
                List.of(), List.of("tasker.task:show", "tasker.workflow_step:*@examples", "tasker.task:retry@bench",
                        "tasker.handler:show", "tasker.task:create@examples"), List.of(), LIFETIME))));
        assertEquals(List.of("tasker.workflow_step:retry", "tasker.workflow_step:resolve",
                "tasker.workflow_step:cancel"), permitted(operator.get("/tasks/" + task)));
        assertEquals(List.of("tasker.task:create"), permitted(operator.get("/handlers/examples/diamond_workflow")));
        assertEquals(List.of(), permitted(operator.get("/handlers/bench/w1_linear")));
        assertFalse(admin.get("/tasks?limit=1").json().getJsonArray("tasks").getJsonObject(0).containsKey("permitted"),
                "a list's tasks carry no actions");
    }

    private static List<String> permitted(Reply reply) {
        assertEquals(200, reply.status(), String.valueOf(reply.body()));
        return reply.json().getJsonArray("permitted").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    @Test
    void anOperatorActionRecordsTheTokensSubjectAndRefusesAnotherActor(RunningStack stack) throws Exception {
        TaskerClient alice = stack.clientAs("alice");
        long taskId = alice.createTask(FAILS_AT_MERGE);
        assertEquals("error", alice.awaitFinished(taskId, WITHIN).getString("status"));
        String retry = "/tasks/" + taskId + "/retry";

        Reply impersonating = alice.post(retry, "{\"actor\": \"mallory\"}");
        assertEquals(400, impersonating.status(), String.valueOf(impersonating.body()));
        assertTrue(impersonating.body().toString().contains("actor"), impersonating.body().toString());

        assertEquals(200, alice.post(retry, "{\"reason\": \"try again\"}").status());
        assertEquals("alice", OperatorActionsIT.transition(alice, taskId, null, "error", "pending", "retry_task")
                .getString("actor"));
    }

    @Test
    void aRefusalIsLoggedWithSubjectPermissionAndCorrelationIdButNotTheToken(RunningStack stack) throws Exception {
        String token = stack.token(new DevelopmentKeys.Bearer("bob", List.of(), List.of("tasker.task:show"),
                List.of(), LIFETIME));
        Reply refused = stack.client().withToken(Optional.of(token)).send("GET", "/tasks",
                Map.of("X-Correlation-ID", "security-it-refusal"), null);
        assertEquals(403, refused.status());

        Path log = stack.stack().node().logFile();
        String line = awaitLogLine(log, "TASKER-AUTH-002", "denied tasker.task:index to bob");
        assertTrue(line.contains("security-it-refusal"), line);
        assertFalse(Files.readString(log).contains(token.substring(token.lastIndexOf('.') + 1)),
                "the token's signature is in the log");
    }

    @Test
    void withAuthenticationOffAnyoneIsServedAndTheNodeWarnsAtStart(RunningStack stack) throws Exception {
        PayaraNode open = stack.startNode("open-node", Map.of("TASKER_AUTH_ENABLED", "false"));
        try {
            Reply served = new TaskerClient(open.apiUri(), Optional.empty()).get("/tasks?limit=1");
            assertEquals(200, served.status(), String.valueOf(served.body()));
            awaitLogLine(open.logFile(), "TASKER-AUTH-001", "authentication is off");
        } finally {
            stack.stack().stopNode(open);
        }
    }

    @Test
    void theRolesOfConfigurationGrantWhatTheyListToTheGroupsThatNameThem(RunningStack stack) throws Exception {
        PayaraNode node = stack.startNode("roles-node", Map.of("TASKER_AUTH_ROLES",
                "admin=*;viewer=tasker.task:index,tasker.task:show@examples"));
        try {
            TaskerClient viewer = new TaskerClient(node.apiUri(), Optional.of(stack.token(new DevelopmentKeys.Bearer(
                    "vera", List.of("viewer", "unknown-role"), List.of(), List.of(), LIFETIME))));
            assertEquals(200, viewer.get("/tasks?limit=1").status());
            Reply refused = viewer.post("/tasks", DIAMOND);
            assertEquals(403, refused.status(), String.valueOf(refused.body()));
            assertTrue(refused.json().getString("detail").contains("tasker.task:create is not granted to vera"),
                    refused.json().toString());
        } finally {
            stack.stack().stopNode(node);
        }
    }

    @Test
    void anAuthorizerOfTheApplicationsOwnReplacesTasker(RunningStack stack, @TempDir Path directory) throws Exception {
        Path jar = directory.resolve("read-only-policy.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/beans.xml"));
            out.write("<beans bean-discovery-mode=\"annotated\"/>".getBytes(StandardCharsets.UTF_8));
            String classFile = ReadOnlyAuthorizer.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(classFile));
            try (InputStream compiled = ReadOnlyAuthorizer.class.getClassLoader().getResourceAsStream(classFile)) {
                compiled.transferTo(out);
            }
        }
        PayaraNode node = stack.startNode("policy-node", Workflows.of(List.of(jar), Map.of(), directory));
        try {
            TaskerClient admin = new TaskerClient(node.apiUri(), Optional.of(stack.adminToken("admin")));
            assertEquals(200, admin.get("/tasks?limit=1").status(), "reading is allowed");
            Reply refused = admin.post("/tasks", DIAMOND);
            assertEquals(403, refused.status(), "the policy refuses the administrator: " + refused.body());
        } finally {
            stack.stack().stopNode(node);
        }
    }

    private static Reply send(TaskerClient client, Call call) {
        return client.send(call.method(), call.path(), call.headers(), call.body());
    }

    private static TaskerClient withPermissions(RunningStack stack, List<String> permissions) {
        return stack.client().withToken(Optional.of(stack.token(new DevelopmentKeys.Bearer("security-it",
                List.of(), permissions, List.of(), LIFETIME))));
    }

    // operationId -> the permission the description of each operation the node's OpenAPI document lists names.
    private static Map<String, String> operationPermissions(RunningStack stack) throws Exception {
        TaskerClient admin = stack.client();
        HttpResponse<String> response = HTTP.send(admin.authorized(HttpRequest.newBuilder(
                URI.create(admin.api() + "/openapi"))).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject paths;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            paths = reader.readObject().getJsonObject("paths");
        }
        Map<String, String> permissions = new TreeMap<>();
        paths.values().forEach(item -> item.asJsonObject().forEach((verb, operation) -> {
            if (!verb.equals("parameters")) {
                Matcher named = PERMISSION.matcher(operation.asJsonObject().getString("description", ""));
                assertTrue(named.find(), "no permission named in " + operation);
                permissions.put(operation.asJsonObject().getString("operationId"), named.group(1));
            }
        }));
        return permissions;
    }

    // A finished task made from the request: its path.
    private static String task(TaskerClient client, String request) {
        long taskId = client.createTask(request);
        if (!request.contains("sleep_ms")) {
            try {
                client.awaitFinished(taskId, WITHIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return "/tasks/" + taskId;
    }

    private static String step(TaskerClient client, String request, String name) {
        String task = task(client, request);
        return task + "/workflow_steps/" + AcceptanceChecks.step(client.get(task).json(), name)
                .getJsonNumber("workflow_step_id").longValue();
    }

    // An administrator's claims, changed.
    private static JwtClaims claims(Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DevelopmentKeys.ISSUER);
        claims.setAudience(DevelopmentKeys.AUDIENCE);
        claims.setSubject("forger");
        claims.setClaim("upn", "forger");
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setStringListClaim("groups", "admin");
        change.accept(claims);
        return claims;
    }

    // The line with the code and the text (apart in a JSON line, together in a text one).
    private static String awaitLogLine(Path log, String code, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Optional<String> line = Files.readAllLines(log).stream()
                    .filter(candidate -> candidate.contains(code) && candidate.contains(text))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            assertTrue(System.nanoTime() < deadline, "no " + code + " '" + text + "' in " + log);
            Thread.sleep(100);
        }
    }
}
