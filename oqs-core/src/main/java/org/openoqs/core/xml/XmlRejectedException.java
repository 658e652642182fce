package org.openoqs.core.xml;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;

/**
 * The bytes of a file were refused before or while parsing: empty, oversized, wrong encoding, not well-formed,
 * DOCTYPE, too deep. Always carries a file-level {@link ErrorCode}.
 */
public class XmlRejectedException extends InputRejectedException {

    public XmlRejectedException(ErrorCode errorCode, String detail) {
        super(errorCode, detail);
    }

    public XmlRejectedException(ErrorCode errorCode, String detail, Throwable cause) {
        super(errorCode, detail, cause);
    }
}
