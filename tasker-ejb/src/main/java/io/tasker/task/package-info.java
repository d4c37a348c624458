/**
 * Tasks: instances of a registered task template, with their context, their states (reference §2.2) and the
 * service that creates them (one transaction: the task, its steps and edges, their first transitions and the
 * message that starts the task) and reads them.
 */
package io.tasker.task;
