/**
 * Tasks, the write side: a task's states, what a creation request asks for and what identifies a repeat of it, and
 * the service that creates and cancels tasks. A creation is one transaction holding the task, its steps and edges,
 * their first transitions and the message that starts the task ({@link io.tasker.task.TaskQueue}). Tasks are read
 * through the read model ({@code io.tasker.readmodel}).
 */
package io.tasker.task;
