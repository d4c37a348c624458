/**
 * Who may do what: the {@link io.tasker.api.security.Authorizer} Tasker asks before every request it serves, the
 * authenticated {@link io.tasker.api.security.Caller} it asks about, and the {@link io.tasker.api.security.Access}
 * it answers, everywhere, nowhere or in some namespaces. docs/security.md describes the model.
 */
package io.tasker.api.security;
