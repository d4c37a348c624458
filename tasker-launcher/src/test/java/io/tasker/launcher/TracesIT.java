package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Traces (the test nodes export their spans to the test's OTLP receiver): a task's request, its passes and its step
 * attempts form one trace across re-enqueues and delivery delays, each pass the child of the span that asked for it.
 */
@ExtendWith(TaskerStackExtension.class)
class TracesIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void aTaskWhoseStepIsRetriedTwiceIsOneTraceFromItsRequestThroughEveryPassAndAttempt(RunningStack stack)
            throws Exception {
        long taskId = stack.client().createTask("""
                {"namespace": "examples", "name": "linear_workflow",
                 "context": {"fail_times": {"process_data": 2}}}""");
        assertEquals("complete", stack.client().awaitFinished(taskId, WITHIN).getString("status"));
        String task = Long.toString(taskId);
        // The last step's attempt, and a pass for each attempt of the retried step at least; the pass that ran the
        // last step ends after it, so it may come in a later export.
        List<TraceReceiver.Span> received = stack.traces().awaitAll(spans -> spans.stream()
                .anyMatch(span -> task.equals(span.attribute("tasker.task_id"))
                        && "finalize_workflow".equals(span.attribute("tasker.step")))
                && spans.stream().filter(span -> task.equals(span.attribute("tasker.task_id"))
                        && span.name().equals("tasker.pass")).count() >= 3, WITHIN);

        Set<String> traces = received.stream().filter(span -> task.equals(span.attribute("tasker.task_id")))
                .map(TraceReceiver.Span::traceId).collect(Collectors.toSet());
        assertEquals(1, traces.size(), "the task's spans are in one trace");
        List<TraceReceiver.Span> trace = received.stream()
                .filter(span -> traces.contains(span.traceId())).toList();
        Map<String, TraceReceiver.Span> byId = trace.stream()
                .collect(Collectors.toMap(TraceReceiver.Span::spanId, Function.identity()));
        List<TraceReceiver.Span> roots = trace.stream().filter(span -> span.parentSpanId().isEmpty()).toList();
        assertEquals(1, roots.size(), "one root: " + trace);
        assertEquals("SPAN_KIND_SERVER", roots.get(0).kind(), "the root is the request that created the task");

        List<TraceReceiver.Span> passes = trace.stream().filter(span -> span.name().equals("tasker.pass")).toList();
        assertTrue(passes.size() >= 3, "a pass for each attempt of the retried step at least: " + passes);
        for (TraceReceiver.Span pass : passes) {
            TraceReceiver.Span parent = byId.get(pass.parentSpanId());
            assertTrue(parent == roots.get(0) || parent != null && parent.name().equals("tasker.pass"),
                    "a pass is the child of the request or of the pass that re-enqueued the task: " + pass);
            assertEquals("linear_workflow", pass.attribute("tasker.task"));
        }
        List<TraceReceiver.Span> attempts = trace.stream()
                .filter(span -> "process_data".equals(span.attribute("tasker.step"))).toList();
        assertEquals(List.of("1 failed", "2 failed", "3 succeeded"), attempts.stream()
                .map(span -> span.attribute("tasker.attempt") + " " + span.attribute("tasker.outcome"))
                .sorted().toList());
        for (TraceReceiver.Span attempt : trace.stream().filter(span -> span.name().startsWith("tasker.step "))
                .toList()) {
            TraceReceiver.Span parent = byId.get(attempt.parentSpanId());
            assertTrue(parent != null && parent.name().equals("tasker.pass"), "an attempt is its pass's child: "
                    + attempt);
            assertEquals("examples", attempt.attribute("tasker.namespace"));
            assertEquals("1.0.0", attempt.attribute("tasker.version"));
        }
    }
}
