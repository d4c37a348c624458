package io.tasker.task;

import io.tasker.json.JsonDocuments;
import io.tasker.registry.RegisteredTask;
import io.tasker.template.IdentityStrategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The identity of a creation request, which makes creation idempotent (decisions §10): with an
 * {@code Idempotency-Key}, the key for that template version; under identity strategy {@code hash}, the template
 * version and the context (its keys in any order). None under the default strategy without a key: every request
 * creates a task.
 */
public final class TaskIdentity {

    private TaskIdentity() {
    }

    /** The request's identity as a SHA-256 hex digest, when it has one. */
    public static Optional<String> of(RegisteredTask definition, TaskRequest request) {
        String task = definition.key().fullName();
        if (request.idempotencyKey() != null) {
            return Optional.of(sha256("key\n" + task + "\n" + request.idempotencyKey()));
        }
        if (definition.template().identityStrategy() == IdentityStrategy.HASH) {
            return Optional.of(sha256("context\n" + task + "\n" + JsonDocuments.write(canonical(request.context()))));
        }
        return Optional.empty();
    }

    // The same JSON for maps that differ only in the order of their keys.
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), canonical(item)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TaskIdentity::canonical).toList();
        }
        return value;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
