/**
 * The launcher of the embedded default ({@code ./tasker run}): a private PostgreSQL server, an Artemis broker
 * and Payara Micro nodes with Tasker deployed, their data under one directory, stopped cleanly on Ctrl-C or
 * SIGTERM. The integration tests start the same {@link io.tasker.launcher.TaskerStack}.
 */
package io.tasker.launcher;
