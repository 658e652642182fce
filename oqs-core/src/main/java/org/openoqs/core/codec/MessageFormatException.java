package org.openoqs.core.codec;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;

/**
 * A well-formed XML tree that is not the expected message: wrong root, missing header or body (requests), or an
 * element whose value cannot be read (results: unknown code, impossible date). {@link #field()} names the element.
 */
public class MessageFormatException extends InputRejectedException {

    private final String field;

    public MessageFormatException(ErrorCode errorCode, String field, String detail) {
        super(errorCode, detail);
        this.field = field;
    }

    /** The element at fault, e.g. {@code QualificationValidity}; {@code null} for structural problems. */
    public String field() {
        return field;
    }
}
