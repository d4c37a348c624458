package io.tasker.rest;

import io.tasker.errors.NotFoundException;
import io.tasker.registry.HandlerRegistry;
import io.tasker.registry.RegisteredTask;
import io.tasker.security.Permissions;
import io.tasker.template.StepGraph;
import io.tasker.template.StepTemplate;
import io.tasker.template.TaskTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What can run: the registered namespaces and task templates (every version, in semantic order), and one template
 * in full (its steps, their graph and the context's JSON Schema). Read from the handler registry, which the boot
 * filled from the templates on the class path.
 */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class HandlerResource {

    @Inject
    private HandlerRegistry registry;

    @Inject
    private RequestCaller caller;

    /** A registered task: its name and versions, lowest first. */
    public record TaskSummary(String name, List<String> versions, String latestVersion) {
    }

    /** The namespaces with the tasks registered in each. */
    public record NamespaceList(List<NamespaceView> namespaces) {
    }

    /** A namespace and its tasks. */
    public record NamespaceView(String name, List<TaskSummary> tasks) {
    }

    /** A step as its template declares it. */
    public record StepTemplateView(String name, String description, List<String> dependsOn, boolean retryable,
                                   int retryLimit, boolean skippable, Long timeoutSeconds, String handlerClass,
                                   String dependentSystem) {
    }

    /** The steps' graph: nodes in dependency order, edges from a step to the one that depends on it. */
    public record GraphView(List<String> nodes, List<Map<String, String>> edges, Map<String, Integer> levels,
                            List<String> roots, List<String> leaves) {
    }

    /** One version of a template in full, with every version registered. */
    public record TemplateView(String namespace, String name, String version, String fullName, List<String> versions,
                               String description, String identityStrategy, Map<String, Object> contextSchema,
                               List<StepTemplateView> steps, GraphView graph, List<String> permitted) {

        /** What may be done with a template, and so whether its caller may. */
        static final List<String> ACTIONS = Permissions.requireAll("tasker.task:create", "tasker.diagram:show");
    }

    @GET
    @Path("namespaces")
    @RequiresPermission("tasker.namespace:index")
    public NamespaceList namespaces() {
        return new NamespaceList(catalog().entrySet().stream()
                .map(namespace -> new NamespaceView(namespace.getKey(), summaries(namespace.getValue())))
                .toList());
    }

    /** The tasks, grouped by namespace. */
    @GET
    @Path("handlers")
    @RequiresPermission("tasker.handler:index")
    public NamespaceList handlers() {
        return namespaces();
    }

    /** The tasks of one namespace: 404 when no task is registered in it. */
    @GET
    @Path("handlers/{namespace}")
    @RequiresPermission("tasker.handler:index")
    public NamespaceView namespace(@PathParam("namespace") String namespace) {
        return new NamespaceView(namespace, summaries(tasksIn(catalog(), namespace)));
    }

    /**
     * One template in full, the highest version unless {@code version} names one: 404 naming the namespace, the
     * name or the version that is not registered; 400 when the version is not a semantic version.
     */
    @GET
    @Path("handlers/{namespace}/{name}")
    @RequiresPermission("tasker.handler:show")
    public TemplateView template(@PathParam("namespace") String namespace, @PathParam("name") String name,
                                 @QueryParam("version") String version) {
        SortedMap<String, SortedMap<String, List<RegisteredTask>>> catalog = catalog();
        tasksIn(catalog, namespace);
        TaskTemplate template = registry.resolve(namespace, name, version).template();
        StepGraph graph = StepGraph.of(template.source(), template.steps());
        List<Map<String, String>> edges = template.steps().stream()
                .flatMap(step -> step.dependsOn().stream().map(parent -> Map.of("from", parent, "to", step.name())))
                .toList();
        return new TemplateView(template.namespace(), template.name(), template.version().toString(),
                template.fullName(), versions(catalog.get(namespace).get(name)), template.description(),
                template.identityStrategy().name().toLowerCase(), template.contextSchema().orElse(null),
                template.steps().stream().map(HandlerResource::view).toList(),
                new GraphView(graph.topologicalOrder(), edges, graph.levels(), graph.roots(), graph.leaves()),
                caller.permittedIn(namespace, TemplateView.ACTIONS));
    }

    /**
     * A template's steps as a diagram: a Mermaid flowchart for {@code text/vnd.mermaid} or {@code text/plain} (the
     * default), its nodes and edges for {@code application/json}; of the highest version unless {@code version}
     * names one.
     */
    @GET
    @Path("handlers/{namespace}/{name}/diagram")
    @Produces({Diagram.MERMAID, Diagram.PLAIN_TEXT})
    @RequiresPermission("tasker.diagram:show")
    public String mermaidDiagram(@PathParam("namespace") String namespace, @PathParam("name") String name,
                                 @QueryParam("version") String version) {
        return diagram(namespace, name, version).toMermaid();
    }

    @GET
    @Path("handlers/{namespace}/{name}/diagram")
    @Produces(Diagram.JSON)
    @RequiresPermission("tasker.diagram:show")
    public Diagram diagram(@PathParam("namespace") String namespace, @PathParam("name") String name,
                           @QueryParam("version") String version) {
        tasksIn(catalog(), namespace);
        return Diagram.ofTemplate(registry.resolve(namespace, name, version).template());
    }

    private static StepTemplateView view(StepTemplate step) {
        return new StepTemplateView(step.name(), step.description(), step.dependsOn(), step.retryable(),
                step.retryLimit(), step.skippable(), step.timeout() == null ? null : step.timeout().toSeconds(),
                step.handlerClass(), step.dependentSystem());
    }

    // Namespace -> task name -> its versions, lowest first; only the namespaces the caller may see, so another's
    // answers as if nothing were registered in it.
    private SortedMap<String, SortedMap<String, List<RegisteredTask>>> catalog() {
        return registry.all().stream()
                .filter(task -> caller.access().permits(task.key().namespace()))
                .collect(Collectors.groupingBy(task -> task.key().namespace(), TreeMap::new,
                        Collectors.groupingBy(task -> task.key().name(), TreeMap::new, Collectors.collectingAndThen(
                                Collectors.toList(), versions -> versions.stream()
                                        .sorted(Comparator.comparing(task -> task.key().version())).toList()))));
    }

    private static SortedMap<String, List<RegisteredTask>> tasksIn(
            SortedMap<String, SortedMap<String, List<RegisteredTask>>> catalog, String namespace) {
        SortedMap<String, List<RegisteredTask>> tasks = catalog.get(namespace);
        if (tasks == null) {
            throw new NotFoundException("no task is registered in namespace '" + namespace + "'");
        }
        return tasks;
    }

    private static List<TaskSummary> summaries(SortedMap<String, List<RegisteredTask>> tasks) {
        return tasks.entrySet().stream().map(task -> {
            List<String> versions = versions(task.getValue());
            return new TaskSummary(task.getKey(), versions, versions.get(versions.size() - 1));
        }).toList();
    }

    private static List<String> versions(List<RegisteredTask> tasks) {
        return tasks.stream().map(task -> task.key().version().toString()).toList();
    }
}
