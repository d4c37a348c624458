package io.tasker.errors;

/**
 * An {@code Idempotency-Key} sent again with a request that differs from the one that first used it: answering with
 * the first request's task would silently drop what the second one asked for.
 */
public class IdempotencyKeyReusedException extends ConflictException {

    public IdempotencyKeyReusedException(String message) {
        super(message);
    }
}
