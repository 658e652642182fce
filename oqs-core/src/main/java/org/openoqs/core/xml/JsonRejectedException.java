package org.openoqs.core.xml;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;

/** A JSON body that is not a mirrored XML message (not JSON, a non-object root, several roots, bad keys). */
public class JsonRejectedException extends InputRejectedException {

    public JsonRejectedException(ErrorCode errorCode, String detail) {
        super(errorCode, detail);
    }

    public JsonRejectedException(ErrorCode errorCode, String detail, Throwable cause) {
        super(errorCode, detail, cause);
    }
}
