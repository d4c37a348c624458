package io.tasker.task;

import io.tasker.json.JsonDocuments;
import io.tasker.registry.RegisteredTask;
import io.tasker.template.IdentityStrategy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The identity of a creation request, which makes creation idempotent: with an
 * {@code Idempotency-Key}, the key for that template version; under identity strategy {@code hash}, the template
 * version and the context (its keys in any order). None under the default strategy without a key: every request
 * creates a task. A keyed identity also carries a digest of the whole request, so a key reused for a different
 * request is told from a repeat.
 *
 * @param hash what a repeat has in common with the first request (SHA-256, hex)
 * @param requestDigest what the request asked for: context, bypassed steps, tags and who and why (SHA-256, hex)
 * @param keyed whether the identity comes from an {@code Idempotency-Key}
 */
public record TaskIdentity(String hash, String requestDigest, boolean keyed) {

    /** The request's identity, when it has one. */
    public static Optional<TaskIdentity> of(RegisteredTask definition, TaskRequest request) {
        String task = definition.key().fullName();
        if (request.idempotencyKey() != null) {
            return Optional.of(new TaskIdentity(sha256("key\n" + task + "\n" + request.idempotencyKey()),
                    digest(request), true));
        }
        if (definition.template().identityStrategy() == IdentityStrategy.HASH) {
            return Optional.of(new TaskIdentity(
                    sha256("context\n" + task + "\n" + JsonDocuments.write(canonical(request.context()))),
                    digest(request), false));
        }
        return Optional.empty();
    }

    private static String digest(TaskRequest request) {
        return sha256(JsonDocuments.write(canonical(askedFor(request))));
    }

    private static Map<String, Object> askedFor(TaskRequest request) {
        Map<String, Object> asked = new HashMap<>();
        asked.put("context", request.context());
        asked.put("bypass_steps", request.bypassSteps());
        asked.put("tags", request.tags());
        asked.put("initiator", request.initiator());
        asked.put("reason", request.reason());
        asked.put("source_system", request.sourceSystem());
        asked.values().removeIf(Objects::isNull);
        return asked;
    }

    // The same JSON for values that differ only in the order of keys or in trailing zeros of numbers.
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), canonical(item)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TaskIdentity::canonical).toList();
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros();
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
