package org.openoqs.core.error;

/**
 * Input that openoqs refuses with a specific {@link ErrorCode}. Subclasses say where it was found (bytes,
 * message structure, JSON); callers that only need the code catch this type once.
 */
public class InputRejectedException extends RuntimeException {

    private final ErrorCode errorCode;
    private final String detail;

    public InputRejectedException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, null);
    }

    public InputRejectedException(ErrorCode errorCode, String detail, Throwable cause) {
        super(errorCode.code() + " " + errorCode.messageWith(detail), cause);
        this.errorCode = errorCode;
        this.detail = detail;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Extra, specific information (Japanese, safe to show), or {@code null}. */
    public String detail() {
        return detail;
    }

    /** The user message with the detail appended. */
    public String userMessage() {
        return errorCode.messageWith(detail);
    }
}
