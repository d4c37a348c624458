package io.tasker.template;

/** An event a template declares so that its handlers may publish it and subscribers may observe it. */
public record CustomEventDefinition(String name, String description) {
}
