package org.openoqs.terminal.central;

import org.openoqs.core.error.ErrorCode;

/**
 * The central service answered, but refused: the terminal's certificate is missing, expired, revoked or not
 * the facility's, or the request names another facility. Retrying does not help, so the request is answered
 * with an error result carrying {@link #errorCode()}.
 */
public class CentralServiceRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final ErrorCode errorCode;
    private final String serviceMessage;

    public CentralServiceRefusedException(ErrorCode errorCode, String serviceMessage) {
        super(errorCode.code() + " " + serviceMessage);
        this.errorCode = errorCode;
        this.serviceMessage = serviceMessage;
    }

    /** With the exception that shows the refusal (a TLS alert), for callers that tell certificate problems apart. */
    public CentralServiceRefusedException(ErrorCode errorCode, String serviceMessage, Throwable cause) {
        this(errorCode, serviceMessage);
        initCause(cause);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * The code to put in a file-level error result: the service's own code when it is a file-level one, otherwise
     * the general refusal (a person-level code cannot head a file).
     */
    public ErrorCode fileLevelCode() {
        return errorCode.isFileLevel() ? errorCode : ErrorCode.CENTRAL_SERVICE_REJECTED;
    }

    /** The Japanese message the service gave, to show as is. */
    public String serviceMessage() {
        return serviceMessage;
    }
}
