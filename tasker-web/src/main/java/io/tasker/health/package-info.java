/** MicroProfile Health checks: readiness means the database and the broker both answer. */
package io.tasker.health;
