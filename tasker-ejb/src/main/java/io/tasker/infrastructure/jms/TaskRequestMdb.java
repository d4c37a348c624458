package io.tasker.infrastructure.jms;

import io.opentelemetry.context.Scope;
import io.tasker.api.security.Authorizer;
import io.tasker.api.security.Caller;
import io.tasker.config.TaskerSettings;
import io.tasker.errors.ForbiddenException;
import io.tasker.errors.InvalidRequestException;
import io.tasker.errors.Problem;
import io.tasker.errors.TaskerException;
import io.tasker.json.JsonDocuments;
import io.tasker.security.Permissions;
import io.tasker.security.TokenVerifier;
import io.tasker.task.TaskRequest;
import io.tasker.task.TaskRequestBody;
import io.tasker.task.TaskService;
import io.tasker.telemetry.CorrelationIds;
import io.tasker.telemetry.LogContext;
import io.tasker.telemetry.Tracing;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Task intake over JMS: each message on {@code tasker.task-requests} holds the body of {@code POST /tasker/tasks}
 * (plus an optional {@code idempotency_key}, also taken as a string property, and a {@code correlation_id} property)
 * and creates that task in the transaction that consumes the message, so
 * a crash neither loses nor doubles a request: the message and the task commit together, and a message delivered
 * again finds the task its key created (the key defaults to the message's id). With a {@code JMSReplyTo}, the
 * reply, sent in the same transaction, carries the task's id or the problem document, with the request's
 * {@code JMSCorrelationID} (its message id when it has none) and a {@code status} property as HTTP would answer. A
 * request that cannot be carried out is answered and parked on {@code DLQ} with the reason in the
 * {@code tasker_rejection} property: it is consumed, never retried. While authentication is on, the
 * {@code authorization} property carries a token ({@link TokenVerifier}) granting {@code tasker.task:create} in the
 * request's namespace; without one the request is refused so (401, 403), and logged.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination",
                propertyValue = TaskerJmsResources.TASK_REQUESTS_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
})
public class TaskRequestMdb implements MessageListener {

    /**
     * The property that names the key of a request, as the {@code Idempotency-Key} header does over HTTP (a JMS
     * property's name is a Java identifier: the header's name cannot be one).
     */
    static final String IDEMPOTENCY_KEY = "idempotency_key";
    /** The property of a parked request that says why it was refused. */
    static final String REJECTION = "tasker_rejection";
    static final String STATUS = "status";
    /** The property with the request's token, while authentication is on (docs/security.md). */
    static final String AUTHORIZATION = "authorization";
    private static final String CREATE = Permissions.require("tasker.task:create");
    private static final Logger LOG = Logger.getLogger(TaskRequestMdb.class.getName());

    @Inject
    private TaskService tasks;

    @Inject
    private TaskerSettings settings;

    @Inject
    private Tracing tracing;

    @Inject
    private TokenVerifier tokens;

    @Inject
    private Authorizer authorizer;

    @Resource(lookup = TaskerJmsResources.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Override
    public void onMessage(Message message) {
        try {
            TaskRequest request;
            try {
                String correlationId = CorrelationIds.acceptOrGenerate(
                        message.getStringProperty(CorrelationIds.PROPERTY), CorrelationIds.PROPERTY);
                request = TaskRequestBody.readMessage(body(message),
                        Optional.ofNullable(message.getStringProperty(IDEMPOTENCY_KEY)), message.getJMSMessageID(),
                        correlationId);
            } catch (TaskerException unreadable) {
                reject(message, unreadable);
                return;
            }
            try (LogContext.Scope correlation = LogContext.correlation(request.correlationId());
                 Scope trace = tracing.enter(TaskMessages.traceContext(tracing, message))) {
                if (settings.authEnabled()) {
                    try {
                        authorize(message, request);
                    } catch (TaskerException refused) {
                        LOG.warning(() -> "TASKER-AUTH-004 refused a task request from " + TaskerJmsResources
                                .TASK_REQUESTS_ADDRESS + ": " + refused.getMessage() + " (correlation id "
                                + request.correlationId() + ")");
                        reject(message, refused);
                        return;
                    }
                }
                create(message, request);
            }
        } catch (JMSException e) {
            // Rolls back: the broker delivers the request again.
            throw new IllegalStateException("cannot read or answer a task request", e);
        }
    }

    // The token in the authorization property must name a caller who may create tasks in the request's namespace.
    private void authorize(Message message, TaskRequest request) throws JMSException {
        Caller caller = tokens.verify(Optional.ofNullable(message.getStringProperty(AUTHORIZATION)));
        if (!authorizer.access(caller, CREATE).permits(request.namespaceOrDefault())) {
            throw ForbiddenException.outsideNamespace(CREATE, caller.name(), request.namespaceOrDefault());
        }
    }

    private void create(Message message, TaskRequest request) throws JMSException {
        Optional<TaskerException> refusal = tasks.refusalOf(request);
        if (refusal.isPresent()) {
            reject(message, refusal.get());
            return;
        }
        TaskService.Creation creation = tasks.createTask(request);
        reply(message, creation.created() ? 201 : 200, Json.createObjectBuilder()
                .add("task_id", creation.taskId())
                .add("created", creation.created())
                .build()
                .toString());
    }

    private JsonValue body(Message message) throws JMSException {
        if (!(message instanceof TextMessage text) || text.getText() == null) {
            throw new InvalidRequestException("body", "must be a text message holding a JSON object");
        }
        settings.requestLimit().check("body", text.getText());
        settings.depthLimit().check("body", text.getText().getBytes(StandardCharsets.UTF_8));
        try (var reader = Json.createReader(new StringReader(text.getText()))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new InvalidRequestException("body", "is not valid JSON: " + e.getMessage());
        }
    }

    private void reject(Message message, TaskerException refusal) throws JMSException {
        Problem problem = Problem.of(refusal);
        String document = JsonDocuments.write(problem);
        reply(message, problem.status(), document);
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setProperty(REJECTION, document)
                    .setProperty(STATUS, problem.status())
                    .send(context.createQueue(TaskerJmsResources.DEAD_LETTER_ADDRESS),
                            message instanceof TextMessage text ? text.getText() : "");
        }
    }

    private void reply(Message message, int status, String body) throws JMSException {
        Destination replyTo = message.getJMSReplyTo();
        if (replyTo == null) {
            return;
        }
        String correlation = message.getJMSCorrelationID() != null ? message.getJMSCorrelationID()
                : message.getJMSMessageID();
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    .setJMSCorrelationID(correlation)
                    .setProperty(STATUS, status)
                    .send(replyTo, body);
        }
    }
}
