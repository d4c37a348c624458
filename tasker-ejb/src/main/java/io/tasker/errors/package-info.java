/**
 * The engine's failures that a caller can act on, each of a {@link io.tasker.errors.ProblemKind}: something asked
 * for does not exist, a request is invalid (with one {@link io.tasker.errors.FieldError} per offending field) or too
 * large, or conflicts with the state of what it names. Each becomes one {@link io.tasker.errors.Problem} document,
 * over HTTP and in replies to JMS requests alike.
 */
package io.tasker.errors;
