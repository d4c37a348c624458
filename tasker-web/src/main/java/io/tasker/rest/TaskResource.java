package io.tasker.rest;

import io.tasker.errors.InvalidRequestException;
import io.tasker.task.Task;
import io.tasker.task.TaskService;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Tasks: create one, read one, read its steps. */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    private TaskService tasks;

    @Context
    private UriInfo uriInfo;

    /** Creates a task and starts it: 201 with its location and the task, still pending. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonValue body) {
        Task task = tasks.createTask(CreateTaskBody.read(body));
        return Response.created(uriInfo.getBaseUriBuilder().path(TaskResource.class).path(String.valueOf(task.id())).build())
                .entity(TaskView.of(task))
                .build();
    }

    @GET
    @Path("{task_id}")
    public TaskView get(@PathParam("task_id") String taskId) {
        return TaskView.of(tasks.findTask(id(taskId)));
    }

    @GET
    @Path("{task_id}/workflow_steps")
    public StepListView steps(@PathParam("task_id") String taskId) {
        Task task = tasks.findTask(id(taskId));
        return new StepListView(task.id(), StepView.of(task.steps()));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("task_id", "must be a whole number, got '" + text + "'");
        }
    }
}
