/**
 * The service provider interface of Tasker: what a workflow author implements and sees.
 *
 * <p>A workflow is a YAML template whose steps name a {@link io.tasker.api.StepHandler} class. The engine calls
 * the handler with a {@link io.tasker.api.StepContext} and stores the map it returns as the step's results.
 * Throwing signals failure: {@link io.tasker.api.PermanentException} stops retries, anything else (including
 * {@link io.tasker.api.RetryableException}) is retried with back-off until the step's retry limit.
 *
 * <p>This package depends on nothing but the JDK, so handlers can be unit-tested without a server.
 */
package io.tasker.api;
