package io.tasker.config;

import io.tasker.errors.PayloadTooLargeException;

/**
 * A limit on the size of a document Tasker stores or reads, in bytes of UTF-8, and the setting that configures it.
 *
 * @param setting the configuration key
 * @param bytes the largest size allowed
 */
public record SizeLimit(String setting, int bytes) {

    /**
     * @throws PayloadTooLargeException naming the field and this limit when the text is larger
     */
    public void check(String field, String text) {
        if (exceededBy(text)) {
            throw new PayloadTooLargeException(field, bytes, setting);
        }
    }

    /** Whether the text, encoded as UTF-8, is larger than the limit; counted without encoding it. */
    public boolean exceededBy(String text) {
        int length = text.length();
        // A char is 1 to 3 bytes of UTF-8 (a surrogate pair, two chars, is 4): most texts are settled here.
        if (length > bytes) {
            return true;
        }
        if ((long) length * 3 <= bytes) {
            return false;
        }
        long size = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            size += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return size > bytes;
    }
}
