package io.tasker.security;

import io.tasker.api.security.Caller;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@link Caller} a verified token's claims describe, whichever library verified it. */
public final class Callers {

    // MicroProfile JWT's copy of the token itself, which a caller's claims never carry.
    private static final String RAW_TOKEN = "raw_token";
    // Who the caller is, first present wins (as MicroProfile JWT names its principal).
    private static final List<String> NAME_CLAIMS = List.of("upn", "preferred_username", "sub");

    private Callers() {
    }

    /**
     * The caller of the claims: values as MicroProfile JWT hands them over (JSON-P values) or as plain Java (lists,
     * strings, numbers).
     *
     * @throws IllegalArgumentException when the claims name nobody
     */
    public static Caller of(Map<String, ?> claims) {
        Map<String, Object> kept = new HashMap<>();
        claims.forEach((name, value) -> {
            if (value != null && !name.equals(RAW_TOKEN)) {
                kept.put(name, value);
            }
        });
        String name = NAME_CLAIMS.stream()
                .map(kept::get)
                .flatMap(value -> strings(value).stream().flatMap(Set::stream))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the token names nobody (no upn, "
                        + "preferred_username or sub)"));
        return new Caller(name, strings(kept.get("permissions")).orElse(Set.of()),
                strings(kept.get("groups")).orElse(Set.of()), strings(kept.get("namespaces")), kept);
    }

    // A claim of strings: a JSON array, a collection or one string; one of anything else holds none (so a
    // namespaces claim that cannot be read reaches nowhere).
    private static Optional<Set<String>> strings(Object claim) {
        if (claim == null) {
            return Optional.empty();
        }
        Stream<?> values = claim instanceof Collection<?> collection ? collection.stream() : Stream.of(claim);
        return Optional.of(values.map(Callers::text).flatMap(Optional::stream).collect(Collectors.toSet()));
    }

    private static Optional<String> text(Object value) {
        if (value instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
