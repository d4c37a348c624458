/**
 * Who may do what: the permissions ({@link io.tasker.security.Permissions}), what a grant of them looks like
 * ({@link io.tasker.security.Grant}), the roles of configuration ({@link io.tasker.security.RoleMapping}) and
 * Tasker's default {@link io.tasker.api.security.Authorizer}, which decides from a token's claims. Authentication
 * itself is MicroProfile JWT's, in the web module. docs/security.md describes the model.
 */
package io.tasker.security;
