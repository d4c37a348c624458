package io.tasker.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * META-INF/openapi.yaml describes every JAX-RS method of the API and nothing else: its route, each parameter it reads
 * (by annotation, or from a query it checks against an allow-list), its body, and its answers, errors included.
 */
class ApiDocumentationTest {

    // Parameters a method reads from its UriInfo: what its allow-list accepts.
    private static final Map<String, Set<String>> QUERIES = Map.of(
            "get /tasks", TaskListQuery.PARAMETERS,
            "get /tasks/{task_id}/workflow_steps", TaskResource.STEP_FILTERS,
            "delete /tasks/{task_id}", OperatorBody.FIELDS,
            "delete /tasks/{task_id}/workflow_steps/{step_id}", OperatorBody.FIELDS);

    // How an operation's description names its permission: the server drops extensions (x-...) from the document.
    private static final Pattern PERMISSION = Pattern.compile("Permission: `([^`]+)`\\.");

    private static Map<String, Object> document;
    private static Map<String, Method> methods;
    // Every resource method, two of a route (one per media type) included.
    private static Map<Method, String> routes;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream yaml = ApiDocumentationTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            document = new Yaml().load(yaml);
        }
        methods = new TreeMap<>();
        routes = new HashMap<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tasker.rest")) {
            if (resource.isAnnotatedWith(Path.class)) {
                Class<?> type = resource.reflect();
                for (Method method : type.getDeclaredMethods()) {
                    httpMethod(method).ifPresent(verb -> {
                        methods.put(verb + " " + route(type, method), method);
                        routes.put(method, verb + " " + route(type, method));
                    });
                }
            }
        }
    }

    @Test
    void everyMethodHasARouteThereAndEveryRouteAMethod() {
        assertFalse(methods.isEmpty());
        Set<String> documented = new TreeSet<>();
        paths().forEach((path, item) -> item.keySet().stream().filter(key -> !key.equals("parameters"))
                .forEach(verb -> documented.add(verb + " " + path)));
        assertEquals(new TreeSet<>(methods.keySet()), documented);
    }

    @Test
    void everyOperationHasASummaryAnAnswerAndItsErrors() {
        List<String> gaps = new ArrayList<>();
        methods.forEach((route, method) -> {
            Map<String, Object> operation = operation(route);
            if (!(operation.get("summary") instanceof String summary) || summary.isBlank()) {
                gaps.add(route + ": no summary");
            }
            Set<String> codes = map(operation.get("responses")).keySet();
            if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                gaps.add(route + ": no success");
            }
            if (!readParameters(route, method).isEmpty() && codes.stream().noneMatch(code -> code.startsWith("4"))) {
                gaps.add(route + ": reads input but documents no error");
            }
            if (takesBody(method) != operation.containsKey("requestBody")) {
                gaps.add(route + ": request body " + (takesBody(method) ? "undocumented" : "documented, none read"));
            }
            if (takesBody(method) && !codes.containsAll(Set.of("400", "413", "415"))) {
                gaps.add(route + ": a body's errors (400, 413, 415) undocumented");
            }
        });
        assertTrue(gaps.isEmpty(), String.join("\n", gaps));
    }

    @Test
    void everyMethodNeedsOneOfTaskersPermissionsTheDocumentNamesWithItsRefusals() {
        assertEquals(methods.size() + 2, routes.size(), "the diagrams' two media types each");
        List<String> gaps = new ArrayList<>();
        routes.forEach((method, route) -> {
            Optional<String> mistake = PermissionDeclarations.mistake(method);
            if (mistake.isPresent()) {
                gaps.add(route + ": " + mistake.get());
                return;
            }
            RequiresPermission declared = method.getAnnotation(RequiresPermission.class);
            Map<String, Object> operation = operation(route);
            Matcher named = PERMISSION.matcher(String.valueOf(operation.get("description")));
            boolean found = named.find();
            if (!found || !declared.value().equals(named.group(1))) {
                gaps.add(route + ": its description names " + (found ? named.group(1) : "no permission")
                        + ", the method needs " + declared.value());
            }
            if (!map(operation.get("responses")).keySet().containsAll(Set.of("401", "403"))) {
                gaps.add(route + ": 401 and 403 undocumented");
            }
        });
        assertTrue(gaps.isEmpty(), String.join("\n", gaps));
    }

    @Test
    void everyParameterAMethodReadsIsDocumentedWithADescription() {
        List<String> gaps = new ArrayList<>();
        methods.forEach((route, method) -> {
            Map<String, String> documented = documentedParameters(route);
            for (String name : readParameters(route, method)) {
                String description = documented.get(name);
                if (description == null || description.isBlank()) {
                    gaps.add(route + ": parameter " + name + (description == null ? " undocumented" : " undescribed"));
                }
            }
        });
        assertTrue(gaps.isEmpty(), String.join("\n", gaps));
    }

    private static Set<String> readParameters(String route, Method method) {
        Set<String> names = new HashSet<>(QUERIES.getOrDefault(route, Set.of()));
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getAnnotation(PathParam.class) != null) {
                names.add(parameter.getAnnotation(PathParam.class).value());
            } else if (parameter.getAnnotation(QueryParam.class) != null) {
                names.add(parameter.getAnnotation(QueryParam.class).value());
            } else if (parameter.getAnnotation(HeaderParam.class) != null) {
                names.add(parameter.getAnnotation(HeaderParam.class).value());
            }
        }
        return names;
    }

    // An argument without a JAX-RS annotation is the request's body.
    private static boolean takesBody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getAnnotations().length == 0) {
                return true;
            }
        }
        return false;
    }

    // Name -> description of the parameters of an operation and of its path, references resolved.
    private static Map<String, String> documentedParameters(String route) {
        String path = route.substring(route.indexOf(' ') + 1);
        List<Object> parameters = new ArrayList<>(list(paths().get(path).get("parameters")));
        parameters.addAll(list(operation(route).get("parameters")));
        Map<String, String> documented = new TreeMap<>();
        for (Object entry : parameters) {
            Map<String, Object> parameter = map(entry);
            if (parameter.get("$ref") instanceof String ref) {
                parameter = map(map(map(document.get("components")).get("parameters"))
                        .get(ref.substring(ref.lastIndexOf('/') + 1)));
            }
            documented.put((String) parameter.get("name"), (String) parameter.get("description"));
        }
        return documented;
    }

    private static Map<String, Object> operation(String route) {
        String[] parts = route.split(" ", 2);
        return map(paths().get(parts[1]).get(parts[0]));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> paths() {
        return (Map<String, Map<String, Object>>) document.get("paths");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value().toLowerCase());
            }
        }
        return Optional.empty();
    }

    // The method's path under the API's root, as OpenAPI writes it: /tasks/{task_id}.
    private static String route(Class<?> resource, Method method) {
        String path = "/" + resource.getAnnotation(Path.class).value();
        Path own = method.getAnnotation(Path.class);
        if (own != null) {
            path = path + "/" + own.value();
        }
        return path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }
}
