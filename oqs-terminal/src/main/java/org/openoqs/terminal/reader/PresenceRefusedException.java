package org.openoqs.terminal.reader;

import org.openoqs.core.error.ErrorCode;

/**
 * The card or the reader refused before anything was signed: wrong PIN (with the tries left), locked PIN, face
 * mismatch, a method the reader cannot do. Nothing reached the service.
 */
public final class PresenceRefusedException extends RuntimeException {

    private final ErrorCode errorCode;
    private final String detail;
    private final int remainingTries;

    public PresenceRefusedException(ErrorCode errorCode, String detail, int remainingTries) {
        super(errorCode.code() + " " + errorCode.messageWith(detail));
        this.errorCode = errorCode;
        this.detail = detail;
        this.remainingTries = remainingTries;
    }

    public PresenceRefusedException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, -1);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The Japanese message for the patient or staff. */
    public String userMessage() {
        return errorCode.messageWith(detail);
    }

    /** PIN tries left after a wrong PIN, -1 when not a PIN refusal. */
    public int remainingTries() {
        return remainingTries;
    }
}
