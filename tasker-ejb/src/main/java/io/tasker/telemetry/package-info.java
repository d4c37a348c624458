/**
 * What an operator watches: the system's status at a glance ({@link io.tasker.telemetry.SystemStatus}), read from
 * the database and cached.
 */
package io.tasker.telemetry;
