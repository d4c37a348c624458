package io.tasker.registry;

/** Fired once the templates found at boot are registered: from then on, tasks of this node can run. */
public record TemplatesRegistered(int templates) {
}
