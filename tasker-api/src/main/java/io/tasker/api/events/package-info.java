/**
 * Tasker's events, for code of the application: a {@link io.tasker.api.events.EventSubscriber} bean receives the
 * {@link io.tasker.api.events.TaskerEvent}s it asks for, after the changes that caused them committed. The catalog
 * of every event and its data is served at {@code GET /tasker/events} and listed in docs/events.md.
 */
package io.tasker.api.events;
