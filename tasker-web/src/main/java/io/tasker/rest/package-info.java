/**
 * The REST API under {@code /tasker}: thin JAX-RS resources over the engine's services, JSON in
 * snake_case with the original's field names, and one error shape everywhere, {@code application/problem+json}
 * (RFC 9457) with an {@code errors} list naming each offending field.
 */
package io.tasker.rest;
