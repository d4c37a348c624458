package io.tasker.errors;

import java.util.List;

/** A request, or a document in it, is larger than its configured limit: refused before anything is stored. */
public class PayloadTooLargeException extends TaskerException {

    private final FieldError error;

    /**
     * @param field what is too large: {@code body}, or the field holding the document
     * @param limit the limit, in bytes of UTF-8
     * @param setting the setting that configures the limit
     */
    public PayloadTooLargeException(String field, long limit, String setting) {
        super(ProblemKind.PAYLOAD_TOO_LARGE, field + " is larger than the limit of " + limit + " bytes (" + setting
                + ")");
        this.error = new FieldError(field, "must be at most " + limit + " bytes of JSON (" + setting + ")");
    }

    @Override
    public List<FieldError> errors() {
        return List.of(error);
    }
}
