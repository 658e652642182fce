package org.openoqs.server.audit;

/** The audit trail could not be written. */
public class AuditException extends RuntimeException {

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
