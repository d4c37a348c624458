package io.tasker.template;

import java.util.Arrays;

/**
 * How a template recognises a repeated request. A request with an {@code Idempotency-Key} header
 * is always recognised by its key, whatever the strategy.
 */
public enum IdentityStrategy {
    /** Every request creates a new task. */
    DEFAULT,
    /** Requests for the same template version with the same context are the same task. */
    HASH;

    static IdentityStrategy of(String value) {
        return Arrays.stream(values())
                .filter(strategy -> strategy.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("identity_strategy must be default or hash, got '"
                        + value + "'"));
    }
}
