package org.openoqs.terminal.reader;

import org.openoqs.core.error.ErrorCode;

/** The service answered with a refusal: its error code (when openoqs knows it) and its Japanese message. */
public final class CardPathRefusedException extends RuntimeException {

    private final ErrorCode errorCode;
    private final String serviceMessage;

    public CardPathRefusedException(ErrorCode errorCode, String serviceMessage) {
        super(errorCode.code() + " " + serviceMessage);
        this.errorCode = errorCode;
        this.serviceMessage = serviceMessage;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public String serviceMessage() {
        return serviceMessage;
    }
}
