package io.tasker.task;

import io.tasker.template.TemplateParser;

import java.util.List;
import java.util.Map;

/**
 * What a client asks for when it creates a task.
 *
 * @param namespace the template's namespace; null means {@code default}
 * @param version the template's version; null means the highest registered one
 * @param context the task's input, checked against the template's JSON Schema
 * @param bypassSteps steps to resolve without running; each must be skippable
 * @param idempotencyKey the client's key for this request: a repeat with the same key returns the same task
 * @param correlationId what ties the request's log lines together; the task keeps it
 */
public record TaskRequest(
        String namespace,
        String name,
        String version,
        Map<String, Object> context,
        String initiator,
        String sourceSystem,
        String reason,
        List<String> tags,
        List<String> bypassSteps,
        String idempotencyKey,
        String correlationId) {

    public TaskRequest {
        context = context == null ? Map.of() : context;
        tags = tags == null ? List.of() : List.copyOf(tags);
        bypassSteps = bypassSteps == null ? List.of() : List.copyOf(bypassSteps);
    }

    /** The namespace the task is asked for in, {@code default} when none is named. */
    public String namespaceOrDefault() {
        return namespace == null ? TemplateParser.DEFAULT_NAMESPACE : namespace;
    }
}
