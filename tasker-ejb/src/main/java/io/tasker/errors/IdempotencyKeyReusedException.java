package io.tasker.errors;

import java.util.List;

/**
 * An {@code Idempotency-Key} sent again with a request that differs from the one that first used it: answering with
 * the first request's task would silently drop what the second one asked for.
 */
public class IdempotencyKeyReusedException extends TaskerException {

    public IdempotencyKeyReusedException(String message) {
        super(ProblemKind.IDEMPOTENCY_KEY_REUSED, message);
    }

    @Override
    public String detail() {
        return "The Idempotency-Key was used for a different request";
    }

    @Override
    public List<FieldError> errors() {
        return List.of(new FieldError("Idempotency-Key", getMessage()));
    }
}
