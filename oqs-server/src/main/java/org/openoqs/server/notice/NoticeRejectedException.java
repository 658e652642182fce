package org.openoqs.server.notice;

import org.openoqs.core.error.ErrorCode;

/** A notice {@link NoticeService} will not publish, with the code the operator API answers (docs/errors.md 94xx). */
public class NoticeRejectedException extends IllegalArgumentException {

    private final transient ErrorCode errorCode;

    public NoticeRejectedException(ErrorCode errorCode) {
        super(errorCode.message());
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
