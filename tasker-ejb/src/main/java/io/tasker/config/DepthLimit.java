package io.tasker.config;

import io.tasker.errors.InvalidRequestException;

/**
 * How deep a request's JSON may nest objects and arrays, and the setting that configures it: a document nested
 * thousands deep costs every reader of it a frame per level (the JSON parser, schema validation, the database), so
 * it is refused before it is parsed. Counted over the UTF-8 bytes, in one pass: the brackets outside strings.
 *
 * @param setting the configuration key
 * @param levels the deepest nesting allowed
 */
public record DepthLimit(String setting, int levels) {

    /**
     * @throws InvalidRequestException naming the field and this limit when the JSON nests deeper
     */
    public void check(String field, byte[] json) {
        if (depthOf(json) > levels) {
            throw new InvalidRequestException(field, "nests objects and arrays deeper than " + levels + " levels ("
                    + setting + ")");
        }
    }

    /** The deepest nesting of the JSON text; what is not JSON is left for the parser to refuse. */
    static int depthOf(byte[] json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return deepest;
    }
}
