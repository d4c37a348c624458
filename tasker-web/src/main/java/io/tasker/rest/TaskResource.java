package io.tasker.rest;

import io.tasker.api.security.Access;
import io.tasker.errors.ForbiddenException;
import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.NotFoundException;
import io.tasker.readmodel.TaskDetail;
import io.tasker.readmodel.TaskReader;
import io.tasker.readmodel.TaskSearch;
import io.tasker.step.StepState;
import io.tasker.task.OperatorActions;
import io.tasker.task.TaskRequest;
import io.tasker.task.TaskRequestBody;
import io.tasker.task.TaskService;
import io.tasker.telemetry.LogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Tasks: create one, find them, read one, its steps (or one of them) and its history, change its reason and tags,
 * cancel one; an operator's retries and resolutions. Changes go through {@link TaskService} and
 * {@link OperatorActions}, reads through the read model ({@link TaskReader}). One instance serves every request (it
 * holds no request state).
 */
@ApplicationScoped
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    private static final String RETURN_MINIMAL = "return=minimal";
    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String REQUEST_ID = "X-Request-Id";
    /** The parameters a list of a task's steps takes. */
    static final Set<String> STEP_FILTERS = Set.of("status");

    @Inject
    private TaskService tasks;

    @Inject
    private TaskReader reader;

    @Inject
    private OperatorActions actions;

    @Inject
    private RequestCaller caller;

    /** The answer to a creation whose request preferred a minimal one ({@code Prefer: return=minimal}). */
    public record CreatedTask(long taskId) {
    }

    /**
     * Creates a task and starts it: 201 with its location and the task as it stands once created (RFC 7240
     * {@code Prefer: return=minimal}: only its id, which spares reading it back). A repeat of a request that
     * already created a task (same {@code Idempotency-Key}, or same context under identity strategy {@code hash})
     * answers 200 with that task.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("tasker.task:create")
    public Response create(JsonValue body, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @HeaderParam("Prefer") List<String> preferences, @Context UriInfo uriInfo) {
        TaskRequest request = TaskRequestBody.read(body, idempotencyKey, LogContext.current().correlationId());
        if (!caller.access().permits(request.namespaceOrDefault())) {
            throw ForbiddenException.outsideNamespace("tasker.task:create", caller.subject().orElseThrow(),
                    request.namespaceOrDefault());
        }
        TaskService.Creation creation = tasks.createTask(request);
        URI location = uriInfo.getBaseUriBuilder().path(TaskResource.class).path(String.valueOf(creation.taskId()))
                .build();
        Response.ResponseBuilder response = creation.created() ? Response.created(location)
                : Response.ok().location(location);
        if (prefersMinimal(preferences)) {
            return response.header("Preference-Applied", RETURN_MINIMAL).entity(new CreatedTask(creation.taskId()))
                    .build();
        }
        return response.entity(TaskView.of(reader.findDetail(creation.taskId()), caller)).build();
    }

    /**
     * Cancels a pending or running task and its unfinished steps: 200 with the cancelled task; 409 when the task
     * has already finished.
     */
    @DELETE
    @Path("{task_id}")
    @RequiresPermission("tasker.task:cancel")
    public TaskView cancel(@PathParam("task_id") String taskId, @Context UriInfo uriInfo,
                           @HeaderParam(REQUEST_ID) String requestId) {
        long id = visible(taskId);
        tasks.cancelTask(id, OperatorBody.fromQuery(uriInfo.getQueryParameters(), requestId, caller.subject()));
        return TaskView.of(reader.findDetail(id), caller);
    }

    /**
     * Finds tasks: filtered, sorted on an allowed field, a page at a time (see {@link TaskListQuery}); 400 naming
     * every parameter that is unknown, repeated or invalid.
     */
    @GET
    @RequiresPermission("tasker.task:index")
    public TaskListView list(@Context UriInfo uriInfo) {
        TaskSearch search = TaskListQuery.parse(uriInfo.getQueryParameters(), caller.access());
        return TaskListView.of(search, reader.search(search));
    }

    /**
     * Changes a task's reason and tags (a JSON merge patch of the two): 200 with the task; 404 when there is no such
     * task.
     */
    @PATCH
    @Path("{task_id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @RequiresPermission("tasker.task:update")
    public TaskView annotate(@PathParam("task_id") String taskId, JsonValue body) {
        long id = visible(taskId);
        tasks.annotateTask(id, AnnotateTaskBody.read(body));
        return TaskView.of(reader.findDetail(id), caller);
    }

    @GET
    @Path("{task_id}")
    @RequiresPermission("tasker.task:show")
    public TaskView get(@PathParam("task_id") String taskId) {
        return TaskView.of(reader.findDetail(visible(taskId)), caller);
    }

    /**
     * The task's steps in dependency order (ties by id), those in the given states only when {@code status} is
     * given (repeated or comma-separated).
     */
    @GET
    @Path("{task_id}/workflow_steps")
    @RequiresPermission("tasker.workflow_step:index")
    public StepListView steps(@PathParam("task_id") String taskId, @Context UriInfo uriInfo) {
        QueryParameters parameters = new QueryParameters(uriInfo.getQueryParameters(), STEP_FILTERS);
        Set<StepState> states = parameters.states("status", StepState.class, StepState::value);
        long id = visible(taskId);
        parameters.throwIfInvalid();
        TaskDetail detail = reader.findDetail(id);
        return new StepListView(id, detail.stepsInOrder().stream()
                .filter(step -> states.isEmpty() || states.contains(step.status()))
                .map(step -> StepView.of(step, detail))
                .toList());
    }

    /** One step of the task: 404 when the task has no step of that id. */
    @GET
    @Path("{task_id}/workflow_steps/{step_id}")
    @RequiresPermission("tasker.workflow_step:show")
    public StepView step(@PathParam("task_id") String taskId, @PathParam("step_id") String stepId) {
        long id = visible(taskId);
        long step = number("step_id", stepId);
        TaskDetail detail = reader.findDetail(id);
        return detail.task().steps().stream()
                .filter(candidate -> candidate.id() == step)
                .findFirst()
                .map(found -> StepView.of(found, detail))
                .orElseThrow(() -> new NotFoundException("task " + id + " has no step " + step));
    }

    /**
     * Runs a step in error again now, with a fresh attempt budget and, when the body gives {@code inputs}, new inputs
     * (its task, if in error, is driven again): 200 with the step; 409 when the step is not in error or the task has
     * completed or been cancelled.
     */
    @POST
    @Path("{task_id}/workflow_steps/{step_id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("tasker.workflow_step:retry")
    public StepView retryStep(@PathParam("task_id") String taskId, @PathParam("step_id") String stepId,
                              JsonValue body, @HeaderParam(REQUEST_ID) String requestId) {
        long id = visible(taskId);
        long step = number("step_id", stepId);
        OperatorBody retry = OperatorBody.read(body, requestId, OperatorBody.Action.STEP_RETRY, caller.subject());
        actions.retryStep(id, step, retry.document(), retry.operator());
        return step(taskId, stepId);
    }

    /**
     * Cancels a pending step and the steps that depend on it, with the operator's {@code actor} and {@code reason}
     * as query parameters: 200 with the step; 409 when the step is not pending or the task has completed or been
     * cancelled.
     */
    @DELETE
    @Path("{task_id}/workflow_steps/{step_id}")
    @RequiresPermission("tasker.workflow_step:cancel")
    public StepView cancelStep(@PathParam("task_id") String taskId, @PathParam("step_id") String stepId,
                               @Context UriInfo uriInfo, @HeaderParam(REQUEST_ID) String requestId) {
        long id = visible(taskId);
        long step = number("step_id", stepId);
        actions.cancelStep(id, step, OperatorBody.fromQuery(uriInfo.getQueryParameters(), requestId, caller.subject()));
        return step(taskId, stepId);
    }

    /**
     * Settles a pending or failed step by hand with the given results, which its dependents read as a completed
     * step's: 200 with the step; 409 when the step is running or finished or the task has completed or been
     * cancelled.
     */
    @POST
    @Path("{task_id}/workflow_steps/{step_id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("tasker.workflow_step:resolve")
    public StepView resolveStep(@PathParam("task_id") String taskId, @PathParam("step_id") String stepId,
                                JsonValue body, @HeaderParam(REQUEST_ID) String requestId) {
        long id = visible(taskId);
        long step = number("step_id", stepId);
        OperatorBody resolution = OperatorBody.read(body, requestId, OperatorBody.Action.RESOLUTION, caller.subject());
        actions.resolveStep(id, step, resolution.document().orElseThrow(), resolution.operator());
        return step(taskId, stepId);
    }

    /**
     * Drives a task in error again: every step in error runs again with a fresh attempt budget. 200 with the task;
     * 409 when the task is not in error.
     */
    @POST
    @Path("{task_id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("tasker.task:retry")
    public TaskView retryTask(@PathParam("task_id") String taskId, JsonValue body,
                              @HeaderParam(REQUEST_ID) String requestId) {
        long id = visible(taskId);
        actions.retryTask(id, OperatorBody.read(body, requestId, OperatorBody.Action.PLAIN, caller.subject())
                .operator());
        return TaskView.of(reader.findDetail(id), caller);
    }

    /**
     * The task's steps as a diagram, coloured by state: a Mermaid flowchart for {@code text/vnd.mermaid} or
     * {@code text/plain} (the default), its nodes and edges for {@code application/json}.
     */
    @GET
    @Path("{task_id}/diagram")
    @Produces({Diagram.MERMAID, Diagram.PLAIN_TEXT})
    @RequiresPermission("tasker.diagram:show")
    public String mermaidDiagram(@PathParam("task_id") String taskId) {
        return diagram(taskId).toMermaid();
    }

    @GET
    @Path("{task_id}/diagram")
    @Produces(Diagram.JSON)
    @RequiresPermission("tasker.diagram:show")
    public Diagram diagram(@PathParam("task_id") String taskId) {
        return Diagram.ofTask(reader.findDetail(visible(taskId)));
    }

    /** Every change of state of the task and its steps, oldest first. */
    @GET
    @Path("{task_id}/transitions")
    @RequiresPermission("tasker.transition:index")
    public TransitionListView transitions(@PathParam("task_id") String taskId) {
        return TransitionListView.of(reader.findHistory(visible(taskId)));
    }

    // RFC 7240: preferences are separated by commas, each may carry parameters after a semicolon.
    private static boolean prefersMinimal(List<String> headers) {
        return headers.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(preference -> preference.split(";", 2)[0].strip())
                .anyMatch(RETURN_MINIMAL::equalsIgnoreCase);
    }

    // The task's id, if the caller may see its namespace: another namespace's task answers as one that does not
    // exist, so ids say nothing of what lies beyond the caller's reach.
    private long visible(String text) {
        long id = number("task_id", text);
        Access access = caller.access();
        if (access.namespaces().isPresent() && reader.namespaceOf(id).filter(access::permits).isEmpty()) {
            throw new NotFoundException("task " + id + " does not exist");
        }
        return id;
    }

    private static long number(String parameter, String text) {
        try {
            long number = Long.parseLong(text);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw new InvalidRequestException(parameter, "must be a whole number from 1 to " + Long.MAX_VALUE + ", got '"
                + text + "'");
    }
}
