package org.openoqs.terminal.linkage;

/**
 * Thrown by a {@link RequestProcessor} when the central OQS service cannot be reached (network down, timeout,
 * maintenance). The request is not answered with an error; the agent keeps it and retries later with back-off.
 */
public class CentralServiceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CentralServiceUnavailableException(String message) {
        super(message);
    }

    public CentralServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
