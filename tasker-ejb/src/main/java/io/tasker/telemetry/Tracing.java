package io.tasker.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.tasker.template.TaskKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The engine's spans (MicroProfile Telemetry: OpenTelemetry, exported only when the server's configuration turns
 * it on): one per pass over a task and one per step attempt. A task's spans form one trace across its passes: the
 * message that asks for a pass carries the trace context of the span that sent it (the request that created the
 * task, or the pass that re-enqueued it) in W3C {@code traceparent} properties, and the pass is that span's child.
 * While the application's telemetry is off ({@code otel.sdk.disabled}, the default) nothing is traced nor
 * propagated: the server may still hand out a recording tracer, whose spans cost on every step and go nowhere.
 */
@ApplicationScoped
public class Tracing {

    private static final AttributeKey<Long> TASK_ID = AttributeKey.longKey("tasker.task_id");
    private static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("tasker.namespace");
    private static final AttributeKey<String> NAME = AttributeKey.stringKey("tasker.task");
    private static final AttributeKey<String> VERSION = AttributeKey.stringKey("tasker.version");
    private static final AttributeKey<String> STEP = AttributeKey.stringKey("tasker.step");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("tasker.attempt");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("tasker.outcome");
    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();

    @Inject
    private Instance<Tracer> tracers;

    @Inject
    @ConfigProperty(name = "otel.sdk.disabled", defaultValue = "true")
    private boolean disabled;

    private Tracer tracer;

    @PostConstruct
    void chooseTracer() {
        tracer = disabled ? TracerProvider.noop().get("io.tasker") : tracers.get();
    }

    /** Writes the current trace context into a message's properties, through {@code property(name, value)}. */
    public void inject(BiConsumer<String, String> property) {
        if (disabled) {
            return;
        }
        TextMapSetter<BiConsumer<String, String>> setter = (carrier, key, value) -> carrier.accept(key, value);
        PROPAGATOR.inject(Context.current(), property, setter);
    }

    /** The trace context a message carries (the root context when it carries none), read through {@code property}. */
    public Context extract(Function<String, String> property) {
        if (disabled) {
            return Context.root();
        }
        return PROPAGATOR.extract(Context.root(), property, new TextMapGetter<>() {
            @Override
            public Iterable<String> keys(Function<String, String> carrier) {
                return PROPAGATOR.fields();
            }

            @Override
            public String get(Function<String, String> carrier, String key) {
                return carrier == null ? null : carrier.apply(key);
            }
        });
    }

    /** Makes the span current until the scope closes; nothing while tracing is off. */
    public Scope enter(Span span) {
        return disabled ? Scope.noop() : span.makeCurrent();
    }

    /** Makes the trace context (a message's) current until the scope closes; nothing while tracing is off. */
    public Scope enter(Context context) {
        return disabled ? Scope.noop() : context.makeCurrent();
    }

    /**
     * The task, to run on another thread in the current trace context; the task itself while tracing is off (the
     * server's context storage costs on every step, a profile found, for spans that go nowhere).
     */
    public Runnable inCurrentContext(Runnable task) {
        return disabled ? task : Context.current().wrap(task);
    }

    /** Starts the span of a pass over the task, a child of the current context. */
    public Span passStarted(long taskId) {
        if (disabled) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("tasker.pass").setSpanKind(SpanKind.CONSUMER).setAttribute(TASK_ID, taskId)
                .startSpan();
    }

    /** Names the task's template on its pass's span, once the pass knows it. */
    public static void describe(Span pass, TaskKey task) {
        pass.setAttribute(NAMESPACE, task.namespace()).setAttribute(NAME, task.name())
                .setAttribute(VERSION, task.version().toString());
    }

    /** Starts the span of a step attempt, a child of the current context (its pass). */
    public Span attemptStarted(long taskId, TaskKey task, String step, int attempt) {
        if (disabled) {
            return Span.getInvalid();
        }
        Span span = tracer.spanBuilder("tasker.step " + step).setAttribute(TASK_ID, taskId)
                .setAttribute(STEP, step).setAttribute(ATTEMPT, (long) attempt).startSpan();
        describe(span, task);
        return span;
    }

    /** Ends an attempt's span with its outcome ({@code succeeded}, {@code failed}, {@code claim_lost}). */
    public static void attemptEnded(Span attempt, String outcome, Throwable failure) {
        attempt.setAttribute(OUTCOME, outcome);
        if (failure != null) {
            attempt.recordException(failure);
            attempt.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }
        attempt.end();
    }
}
