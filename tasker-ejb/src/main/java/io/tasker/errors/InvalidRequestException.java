package io.tasker.errors;

import java.util.List;
import java.util.stream.Collectors;

/** The request cannot be carried out as given; {@link #errors()} names every offending field. */
public class InvalidRequestException extends TaskerException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(ProblemKind.INVALID_REQUEST, errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    @Override
    public String detail() {
        return "The request is invalid";
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
