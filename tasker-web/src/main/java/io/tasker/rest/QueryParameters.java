package io.tasker.rest;

import io.tasker.errors.FieldError;
import io.tasker.errors.InvalidRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A request's query parameters, read with the rules every list of the API shares: a parameter the list does not know
 * is an error, as is one given twice (but for sets of states, which may repeat or be comma-separated). Errors are
 * collected, so one answer names them all.
 */
final class QueryParameters {

    private final MultivaluedMap<String, String> parameters;
    private final List<FieldError> errors = new ArrayList<>();

    QueryParameters(MultivaluedMap<String, String> parameters, Set<String> allowed) {
        this.parameters = parameters;
        Set<String> known = new TreeSet<>(allowed);
        parameters.keySet().stream().filter(name -> !known.contains(name)).sorted().forEach(name -> error(name,
                "is not a parameter of this list (allowed: " + String.join(", ", known) + ")"));
    }

    /** The parameter's value when given once; an error when given more often. */
    Optional<String> single(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            error(name, "is given " + values.size() + " times; give it once");
            return Optional.empty();
        }
        return values.stream().findFirst();
    }

    /**
     * The states named by every value of the parameter, each a comma-separated list of {@code valueOf} names of
     * {@code type}; empty when not given.
     */
    <E extends Enum<E>> Set<E> states(String name, Class<E> type, Function<E, String> valueOf) {
        Set<E> states = EnumSet.noneOf(type);
        for (String value : parameters.getOrDefault(name, List.of())) {
            for (String state : value.split(",", -1)) {
                Arrays.stream(type.getEnumConstants())
                        .filter(constant -> valueOf.apply(constant).equals(state.strip()))
                        .findFirst()
                        .ifPresentOrElse(states::add, () -> error(name, "'" + state + "' is not a status (one of: "
                                + Arrays.stream(type.getEnumConstants()).map(valueOf)
                                .collect(Collectors.joining(", ")) + ")"));
            }
        }
        return states;
    }

    void error(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /**
     * @throws InvalidRequestException naming every error found so far
     */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
