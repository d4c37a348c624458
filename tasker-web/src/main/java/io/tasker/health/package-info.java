/**
 * MicroProfile Health checks: ready means this node accepts and runs tasks (the database and the broker answer, the
 * node's templates are registered and its API started, and it is not stopping).
 */
package io.tasker.health;
